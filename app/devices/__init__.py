"""Device probes and their analysis (camera through OpenCV, audio through sounddevice). No Qt."""

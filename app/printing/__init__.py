"""Documents drawn for paper or PDF with Qt's painter: no widgets, so the command line
can write them as well as the screens."""

"""Loading and validating tutorials and checklist files. No Qt."""

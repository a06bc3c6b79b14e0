"""Reading files: the safe YAML reader, the file models (the format), validation, and positions."""

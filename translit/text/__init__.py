"""Running text: names found in a text, rendered in place, and text files read and written."""

"""`auditrack due`: every deadline of the data in one list, for the text, JSON, Markdown and calendar outputs."""

"""Taking data out: the action plan as a spreadsheet (`auditrack export plan`)."""

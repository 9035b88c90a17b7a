"""Writing data for people who do not write YAML: what each field of each kind means (`catalogue`), in Swedish
where a description has been translated (`swedish`), and new files ready to fill in (`new_file`)."""

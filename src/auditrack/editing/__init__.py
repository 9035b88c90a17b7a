"""Editing data files so that only what must change changes.

Every command that changes an existing data file goes through this package:

    document = open_document(root, config, as_of, "recommendations/x/2023-y/response.yaml")
    document.set_value(("actions", 0), "status", "done")          # replace a value, or add the key
    document.append_item(("actions", 0), "evidence", "KS 2023-12-12 § 201")   # add to a list, or create it
    save(root, config, as_of, document)

Paths are the loader's: mapping keys and list indexes from the top of the file. Values are text or dates
(written plain unless YAML needs quotes, dates as YYYY-MM-DD); a list item can also be a mapping of those.

Why edits placed with positions rather than a round-trip library: ruamel.yaml re-emits the whole file and
does not keep every byte (it reflows some flow collections and quoting and drops a BOM), while the promise
here is that comments, key order, quoting, blank lines, line endings and a BOM stay byte for byte. The
positions come from the same libyaml events the loader reads, so both agree on what the file says; each edit
is read back and compared with what it meant, and a form that cannot be edited safely (a block of text, a
value where a list belongs) is refused with EditError rather than written wrongly. docs/editing.md says more.

Errors: Refused (data errors before or after the edit, with the findings check prints), EditError (a form
that cannot be edited safely, with its place and a message in English and Swedish), and io.NotARegularFile.
"""

from auditrack.editing.document import Document, EditError, Refused
from auditrack.editing.save import data_errors, file_limits, open_document, save

__all__ = ["Document", "EditError", "Refused", "data_errors", "file_limits", "open_document", "save"]

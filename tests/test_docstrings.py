"""Field docstrings read from the source for the exported schemas (models/docstrings.py), as pydantic reads them."""

from __future__ import annotations

import sys
import types

import pytest

from auditrack.models.docstrings import describe, field_docstrings

SOURCE = '''
from pydantic import BaseModel, Field


class Base(BaseModel):
    name: str
    """The name.

    Second paragraph, indented as written.
    """
    note: str = ""
    """A note."""
    plain: int = 0


class Child(Base):
    note: str = "x"
    extra: str = Field(default="", description="Given in Field().")
    """Not used: the Field's description wins."""
    alias_field: str = Field(default="", alias="from")
    """Written as `from` in the files."""

    class Inner(BaseModel):
        value: int = 0
        """Inside a nested class."""
'''


@pytest.fixture(scope="module")
def models():
    """The models above as a module with its source on disk, as an installed schema module is."""
    return _module("docstring_models", SOURCE)


def _module(name: str, source: str):
    import importlib.util
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_docstrings_are_read_and_cleaned(models):
    assert field_docstrings(models.Base) == {
        "name": "The name.\n\nSecond paragraph, indented as written.",
        "note": "A note.",
    }


def test_a_field_declared_again_without_a_docstring_has_none(models):
    assert field_docstrings(models.Child) == {
        "name": "The name.\n\nSecond paragraph, indented as written.",
        "extra": "Not used: the Field's description wins.",
        "alias_field": "Written as `from` in the files.",
    }
    assert field_docstrings(models.Child.Inner) == {"value": "Inside a nested class."}


def test_describe_fills_the_schema_as_pydantic_would(models):
    schema = describe(models.Child.model_json_schema(), models.Child)
    properties = schema["properties"]
    assert properties["name"]["description"] == "The name.\n\nSecond paragraph, indented as written."
    assert "description" not in properties["note"]
    assert properties["extra"]["description"] == "Given in Field()."
    assert properties["from"]["description"] == "Written as `from` in the files."
    # The same models with pydantic reading the docstrings itself, as each class is created.
    reading = SOURCE.replace("class Base(BaseModel):\n", "class Base(BaseModel):\n    model_config = {'use_attribute_docstrings': True}\n")
    pydantic_own = _module("docstring_models_pydantic", reading)
    assert schema == pydantic_own.Child.model_json_schema()


def test_a_model_whose_source_is_not_installed_has_no_docstrings():
    module = types.ModuleType("compiled_only")
    exec("from pydantic import BaseModel\nclass Compiled(BaseModel):\n    x: int = 0\n    'Lost with the source.'\n",
         module.__dict__)
    module.Compiled.__module__ = "compiled_only"
    sys.modules["compiled_only"] = module
    try:
        assert field_docstrings(module.Compiled) == {}
        assert "description" not in describe(module.Compiled.model_json_schema(), module.Compiled)["properties"]["x"]
    finally:
        del sys.modules["compiled_only"]

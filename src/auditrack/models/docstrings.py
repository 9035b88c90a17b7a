"""Field docstrings as descriptions in the exported JSON Schemas.

Each field of a model is documented by the string under it, and editors show
that text on hover through the schema's `description`. pydantic can read those
strings itself (`use_attribute_docstrings`), but it does so when each class is
created, by finding and parsing the class's source: most of the cost of
creating the classes, paid by every check for text only `auditrack schema`
uses. So the strings are read here, from the same source, when a schema is
exported, with pydantic's rule: a string statement right after an annotated
field, cleaned with `inspect.cleandoc`, unless the field has a description of
its own (`Field(description=...)`, also inside `Annotated`).
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import typing

from pydantic import BaseModel


def describe(schema: dict, model: type[BaseModel]) -> dict:
    """Add the field docstrings of `model` and of every model it contains to `schema`, its JSON Schema."""
    classes = _by_name(model)
    _fill(schema, model)
    for name, definition in schema.get("$defs", {}).items():
        if name in classes:
            _fill(definition, classes[name])
    return schema


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Field name → its docstring, for the fields `model` defines or inherits. A field declared again in a
    subclass has the docstring of that declaration, or none (as pydantic does)."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if issubclass(cls, BaseModel) and cls is not BaseModel:
            own = _own_docstrings(cls)
            for name in vars(cls).get("__annotations__", {}):
                docs.pop(name, None)
                if name in own:
                    docs[name] = own[name]
    return docs


def _fill(definition: dict, model: type[BaseModel]) -> None:
    docs = field_docstrings(model)
    properties = definition.get("properties", {})
    for name, info in model.model_fields.items():
        key = info.alias or name
        prop = properties.get(key)
        if prop is not None and info.description is None and name in docs:
            # In key order, as pydantic writes every schema.
            properties[key] = dict(sorted({**prop, "description": docs[name]}.items()))


def _by_name(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from `model`'s fields, by class name (the keys pydantic gives them in `$defs`)."""
    found: dict[str, type[BaseModel]] = {}
    pending = [model]
    while pending:
        cls = pending.pop()
        if found.get(cls.__name__) is cls:
            continue
        if cls.__name__ in found:
            raise ValueError(f"two models are named {cls.__name__}: {found[cls.__name__]} and {cls}")
        found[cls.__name__] = cls
        for info in cls.model_fields.values():
            pending.extend(_models_in(info.annotation))
    return found


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


@functools.cache
def _own_docstrings(cls: type) -> dict[str, str]:
    node = _class_node(cls)
    docs: dict[str, str] = {}
    if node is None:
        return docs
    for statement, following in zip(node.body, node.body[1:]):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _class_node(cls: type) -> ast.ClassDef | None:
    """The class statement of `cls` in its module's source, following its qualified name."""
    scope: list[ast.stmt] = _module_tree(cls.__module__).body
    node = None
    for part in cls.__qualname__.split("."):
        node = next((n for n in scope if isinstance(n, ast.ClassDef) and n.name == part), None)
        if node is None:
            return None
        scope = node.body
    return node


@functools.cache
def _module_tree(module_name: str) -> ast.Module:
    """The parsed source of a module; empty when its source is not installed (then no field has a docstring,
    as with pydantic)."""
    try:
        return ast.parse(inspect.getsource(sys.modules[module_name]))
    except (OSError, TypeError):
        return ast.Module(body=[], type_ignores=[])

"""Generic walks over validated models: every nested model with its path, and every reference field."""

from __future__ import annotations

import typing
from functools import cache
from typing import Iterator

from pydantic import BaseModel

from auditrack.models.base import RefTo


def walk(model: BaseModel, path: tuple = ()) -> Iterator[tuple[BaseModel, tuple]]:
    """Yield `model` and every model nested in it, each with its path in the file's data."""
    yield model, path
    for name, key in _nested(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from walk(value, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, path + (key, i))


@cache
def _keys(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple((name, info.alias or name) for name, info in cls.model_fields.items())


@cache
def _nested(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of `cls` that can hold models: `walk` skips text, numbers, dates and references."""
    return tuple((name, key) for name, key in _keys(cls) if _may_hold_model(cls.model_fields[name].annotation))


def _may_hold_model(annotation) -> bool:
    if typing.get_origin(annotation) is typing.Literal:
        return False
    if annotation is typing.Any or annotation is object or isinstance(annotation, (str, typing.ForwardRef)):
        return True  # unknown or unresolved: look, as before
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(annotation))


@cache
def reference_fields(cls: type[BaseModel]) -> tuple[tuple[str, str, RefTo], ...]:
    """(attribute, key in the file, RefTo) for every field of `cls` that holds references."""
    found = []
    for name, info in cls.model_fields.items():
        ref = _find_ref(info.annotation, info.metadata)
        if ref is not None:
            found.append((name, info.alias or name, ref))
    return tuple(found)


def _find_ref(annotation, metadata=()) -> RefTo | None:
    for item in metadata:
        if isinstance(item, RefTo):
            return item
    if annotation is None:
        return None
    for item in getattr(annotation, "__metadata__", ()):
        if isinstance(item, RefTo):
            return item
    for arg in typing.get_args(annotation):
        ref = _find_ref(arg)
        if ref is not None:
            return ref
    return None


def model_at(cls: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that describes the data at `loc`, or None when it is not a model."""
    current: object = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (info for name, info in current.model_fields.items() if (info.alias or name) == part), None
        )
        if field is None:
            return None
        current = _model_in(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def field_names(cls: type[BaseModel]) -> list[str]:
    return [key for _, key in _keys(cls)]

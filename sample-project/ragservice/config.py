"""Service configuration from a JSON file, a dict and ``RAGSERVICE_*`` environment variables."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Mapping


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class ServiceConfig:
    top_k: int = 5
    max_sentences: int = 3
    min_support: float = 0.5
    model: str = "small"
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    budget_usd: float = 1.0

    def validate(self) -> "ServiceConfig":
        if self.top_k < 1:
            raise ConfigError("top_k must be at least 1")
        if self.max_sentences < 1:
            raise ConfigError("max_sentences must be at least 1")
        if not 0 <= self.min_support <= 1:
            raise ConfigError("min_support must be within [0, 1]")
        if self.budget_usd < 0:
            raise ConfigError("budget_usd must not be negative")
        return self

    def to_dict(self) -> dict:
        return asdict(self)


_FIELD_TYPES = {f.name: f.type for f in fields(ServiceConfig)}
_CASTS = {"int": int, "float": float, "str": str}


def _coerce(name: str, value: object) -> object:
    cast = _CASTS[_FIELD_TYPES[name]]
    if isinstance(value, bool):
        raise ConfigError(f"{name}: booleans are not accepted")
    try:
        return cast(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: cannot read {value!r} as {cast.__name__}") from None


def load_config(
    path: str | Path | None = None,
    overrides: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
) -> ServiceConfig:
    """File, then environment (``RAGSERVICE_TOP_K`` ...), then explicit overrides."""
    values: dict[str, object] = {}
    if path is not None:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: invalid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a JSON object")
        values.update(data)
    for key, raw in (environ or {}).items():
        if key.startswith("RAGSERVICE_") and key != "RAGSERVICE_REGRESSION":
            values[key[len("RAGSERVICE_"):].lower()] = raw
    values.update(overrides or {})
    unknown = sorted(set(values) - set(_FIELD_TYPES))
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
    return ServiceConfig(**{k: _coerce(k, v) for k, v in values.items()}).validate()

import json

import pytest

from ragservice.config import ConfigError, ServiceConfig, load_config


def test_defaults():
    assert load_config() == ServiceConfig()


def test_file_env_and_overrides_in_order(tmp_path):
    path = tmp_path / "rag.json"
    path.write_text(json.dumps({"top_k": 7, "model": "medium"}), encoding="utf-8")
    env = {"RAGSERVICE_TOP_K": "4", "RAGSERVICE_REGRESSION": "0", "HOME": "/root"}
    config = load_config(path, overrides={"min_support": 0.25}, environ=env)
    assert (config.top_k, config.model, config.min_support) == (4, "medium", 0.25)


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"top_k": 0}, "top_k must be at least 1"),
        ({"min_support": 1.5}, "min_support"),
        ({"colour": "blue"}, "unknown setting"),
        ({"top_k": "many"}, "cannot read 'many' as int"),
        ({"top_k": True}, "booleans are not accepted"),
    ],
)
def test_invalid_settings(overrides, message):
    with pytest.raises(ConfigError, match=message):
        load_config(overrides=overrides)


def test_invalid_json_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{top_k: 3}", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_config(path)


def test_json_must_be_an_object(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a JSON object"):
        load_config(path)
    assert ServiceConfig().to_dict()["model"] == "small"

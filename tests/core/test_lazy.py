"""Generated files' texts are made when read, each time, and never kept."""

from __future__ import annotations

from annotated_reader.core.lazy import LazyTexts, makers


def test_a_text_is_made_when_read_and_not_kept() -> None:
    calls: list[str] = []

    def make(name: str) -> str:
        calls.append(name)
        return f"<{name}>"

    texts = LazyTexts({"a.json": lambda: make("a"), "b.json": lambda: make("b")})
    assert sorted(texts) == ["a.json", "b.json"] and len(texts) == 2 and calls == []
    assert "a.json" in texts and calls == []
    assert texts["a.json"] == "<a>" and calls == ["a"]
    assert texts["a.json"] == "<a>" and calls == ["a", "a"]  # made again: nothing kept
    own = makers(texts)
    assert calls == ["a", "a"]
    assert own["b.json"]() == "<b>" and calls == ["a", "a", "b"]


def test_texts_already_made_keep_their_functions_simple() -> None:
    own = makers({"x.txt": "made"})
    assert list(own) == ["x.txt"] and own["x.txt"]() == "made"

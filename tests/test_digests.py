"""``DigestSet`` is a ``set`` of fixed-size digests: the same answers to ``in`` after any
sequence of ``add``s, across the merges of its pending digests into the sorted run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.builder import digests
from newsgraph.builder.digests import DigestSet, HexDigestSet
from tests.conftest import examples

DIGEST = st.binary(min_size=4, max_size=4) | st.sampled_from([b"\x00" * 4, b"\xff" * 4,
                                                               b"\x00\x00\x00\x01"])


@settings(max_examples=examples(200), deadline=None)
@given(added=st.lists(DIGEST, max_size=60), asked=st.lists(DIGEST, max_size=20),
       pending=st.integers(1, 7))
def test_a_digest_set_answers_as_a_set(added: list[bytes], asked: list[bytes],
                                       pending: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(digests, "PENDING", pending)
        found, plain = DigestSet(4), set()
        for digest in added:
            assert (digest in found) == (digest in plain)
            found.add(digest)
            plain.add(digest)
        assert len(found) == len(plain)
        assert all((d in found) == (d in plain) for d in asked + added)


def test_hex_keys_and_wrong_sizes() -> None:
    keys = HexDigestSet()
    keys.add_hex("ab" * 32)
    assert "ab" * 32 in keys and "cd" * 32 not in keys and "not hex" not in keys
    assert b"\xab" * 3 not in keys
    with pytest.raises(ValueError):
        keys.add(b"short")

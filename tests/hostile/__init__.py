"""The hostile-input suite: bad editorial input, script payloads in every field, fuzzing."""

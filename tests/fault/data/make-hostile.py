#!/usr/bin/env python3
"""Writes the hostile dossiers that tests/fault/f-hostile.sh feeds to `dispute verify`.

Run once (`python3 tests/fault/data/make-hostile.py`) and commit the zips: the suite
itself does not need Python. The output is deterministic (fixed times, fixed order),
so running it again gives the same bytes.

Every zip is an otherwise valid BagIt 1.0 bag in one top-level folder, with ONE kind
of hostility, so that a verdict can be blamed on that hostility alone. The zip is
written by hand rather than with zipfile, because zipfile will not write non-UTF-8
names, lying sizes, symlink modes or duplicate names on request.
"""
import hashlib
import os
import struct
import sys
import zlib

ROOT = "dispute-6912345678901234-20261118"
HERE = os.path.dirname(os.path.abspath(__file__))
DOS_TIME, DOS_DATE = 0, (2026 - 1980) << 9 | 11 << 5 | 18  # 2026-11-18 00:00

S_IFREG, S_IFDIR, S_IFLNK = 0o100000, 0o040000, 0o120000


class Entry:
    def __init__(self, name, data=b"", mode=S_IFREG | 0o644, deflate=True, utf8=None,
                 declared_size=None, declared_csize=None, zip64_size=None, raw=None):
        self.name = name if isinstance(name, bytes) else name.encode("utf-8")
        self.data = data
        self.mode = mode
        self.deflate = deflate
        # The UTF-8 flag (general purpose bit 11): set for non-ASCII names unless told.
        self.utf8 = utf8 if utf8 is not None else any(b >= 0x80 for b in self.name)
        self.declared_size = declared_size  # a lying uncompressed size, 32-bit field
        self.declared_csize = declared_csize  # a lying compressed size
        self.zip64_size = zip64_size        # a lying uncompressed size, zip64 extra
        self.raw = raw                      # (compressed bytes, crc, size) given whole


def compress(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def write_zip(path, entries):
    out = bytearray()
    central = bytearray()
    for e in entries:
        if e.raw is not None:
            body, crc, size = e.raw
            method = 8
        else:
            crc = zlib.crc32(e.data) & 0xFFFFFFFF
            size = len(e.data)
            body = compress(e.data) if e.deflate else e.data
            method = 8 if e.deflate else 0
        usize = e.declared_size if e.declared_size is not None else size
        extra = b""
        version = 20
        if e.zip64_size is not None:
            usize = 0xFFFFFFFF
            extra = struct.pack("<HHQ", 1, 8, e.zip64_size)
            version = 45
        csize = e.declared_csize if e.declared_csize is not None else len(body)
        flags = 0x800 if e.utf8 else 0
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, flags, method, DOS_TIME,
                           DOS_DATE, crc, csize, usize, len(e.name), len(extra))
        out += e.name + extra + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 3 << 8 | version,
                               version, flags, method, DOS_TIME, DOS_DATE, crc, csize,
                               usize, len(e.name), len(extra), 0, 0, 0, e.mode << 16,
                               offset)
        central += e.name + extra
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                       len(central), cd_offset, 0)
    with open(path, "wb") as f:
        f.write(out)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def bag(payload, extra=(), manifest_lines=None, tag_override=None, eol="\n",
        oxum=None):
    """The entries of a valid bag holding PAYLOAD ({path under data/: bytes}), then
    EXTRA entries appended as given. MANIFEST_LINES replaces the payload manifest's
    lines; TAG_OVERRIDE ({tag file: Entry}) replaces a tag file's entry."""
    payload = dict(payload)
    lines = manifest_lines
    if lines is None:
        lines = ["%s  data/%s" % (sha256(d), p) for p, d in sorted(payload.items())]
    manifest = "".join(l + eol for l in lines).encode("utf-8")
    size = sum(len(d) for d in payload.values())
    bagit = ("BagIt-Version: 1.0" + eol + "Tag-File-Character-Encoding: UTF-8" +
             eol).encode()
    info = ("Bag-Software-Agent: make-hostile.py" + eol + "Payload-Oxum: %s" % (
        oxum or "%d.%d" % (size, len(payload))) + eol).encode()
    tags = {"bagit.txt": bagit, "bag-info.txt": info, "manifest-sha256.txt": manifest}
    tagmanifest = "".join("%s  %s%s" % (sha256(d), n, eol)
                          for n, d in sorted(tags.items())).encode()
    tags["tagmanifest-sha256.txt"] = tagmanifest
    entries = []
    for name, data in sorted(tags.items()):
        if tag_override and name in tag_override:
            entries.append(tag_override[name])
        else:
            entries.append(Entry("%s/%s" % (ROOT, name), data))
    for p, d in sorted(payload.items()):
        entries.append(Entry("%s/data/%s" % (ROOT, p), d))
    return entries + list(extra)


CASE = b'{"schema": "dispute-case/1"}\n'
NOTE = "买家与商家的聊天记录\n".encode("utf-8")


def zeros_deflated(total):
    """TOTAL zero bytes, deflated in chunks: (compressed, crc, total)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    body = bytearray()
    crc = 0
    for _ in range(total // len(chunk)):
        body += c.compress(chunk)
        crc = zlib.crc32(chunk, crc)
    body += c.flush()
    return bytes(body), crc & 0xFFFFFFFF, total


def main():
    base = {"case.json": CASE, "chat.txt": NOTE}
    z = {}

    # Entry names that climb out of the bag folder.
    z["dotdot"] = bag(base, [Entry(ROOT + "/../evil-dotdot.txt", b"x"),
                             Entry(ROOT + "/data/../../evil-dotdot2.txt", b"x")])
    z["absolute"] = bag(base, [Entry("/tmp/evil-absolute.txt", b"x"),
                               Entry("/" + ROOT + "/data/evil.txt", b"x")])
    z["backslash"] = bag(base, [Entry(ROOT + "\\..\\evil-backslash.txt", b"x"),
                                Entry(ROOT + "/data\\evil-backslash2.txt", b"x")])
    # A symbolic link entry (Unix mode S_IFLNK; the data is the target), listed in the
    # manifest as if it were a file, and one that is not.
    link_target = b"/etc/passwd"
    z["symlink"] = bag(dict(base), [
        Entry(ROOT + "/data/passwd-link", link_target, mode=S_IFLNK | 0o777),
        Entry(ROOT + "/data/up-link", b"../../..", mode=S_IFLNK | 0o777)],
        manifest_lines=["%s  data/%s" % (sha256(d), p) for p, d in sorted(base.items())] +
        ["%s  data/passwd-link" % sha256(link_target)])
    # The same name twice: an unzip tool may extract either copy.
    z["duplicate"] = bag(base, [Entry(ROOT + "/data/chat.txt", b"a different chat\n")])
    # A name that is not UTF-8 (GBK bytes for 订单.txt) without the UTF-8 flag, and the
    # same bytes claiming to be UTF-8.
    gbk = "订单".encode("gbk") + b".txt"
    z["non-utf8"] = bag(base, [Entry(ROOT.encode() + b"/data/" + gbk, b"x", utf8=False)])
    z["non-utf8-flagged"] = bag(base, [Entry(ROOT.encode() + b"/data/" + gbk, b"x",
                                             utf8=True)])
    # A zip bomb: 1 GiB of zeros deflated to about 1 MB, in the payload (listed with a
    # wrong checksum, so that the whole GiB must be inflated to find out) ...
    bomb = zeros_deflated(1 << 30)
    bomb_lines = ["%s  data/%s" % (sha256(d), p) for p, d in sorted(base.items())]
    bomb_lines.append("%s  data/zeros.bin" % sha256(b"not the zeros"))
    z["bomb"] = bag(base, [Entry(ROOT + "/data/zeros.bin", raw=bomb)],
                    manifest_lines=bomb_lines)
    # ... and as a tag file: bag-info.txt inflating to 1 GiB of zeros.
    z["bomb-tag"] = bag(base, tag_override={
        "bag-info.txt": Entry(ROOT + "/bag-info.txt", raw=bomb)})
    # Declared uncompressed sizes that lie (4 GB in the 32-bit field, 2^62 in a zip64
    # extra field) for two payload files and a tag file; every checksum and the Oxum
    # are right for the real bytes, so a verifier that reads real bytes finds the bag
    # intact, and one that trusted the declared sizes would allocate or count them.
    huge = dict(base)
    huge["huge32.txt"] = b"small 32\n"
    huge["huge64.txt"] = b"small 64\n"
    entries = bag(huge)
    for e in entries:
        if e.name.endswith(b"/huge32.txt"):
            e.declared_size = 0xFFFFFFF0
        elif e.name.endswith(b"/huge64.txt") or e.name.endswith(b"/bag-info.txt"):
            e.zip64_size = 1 << 62
    z["huge-size"] = entries
    # A stored entry whose compressed size runs 4 GB past the end of the zip.
    z["huge-stored"] = bag(base, [Entry(ROOT + "/data/past-end.txt", b"short\n",
                                        deflate=False, declared_csize=0xFFFFFFF0)])
    # Manifest lines naming paths outside the bag.
    outside = ["%s  data/%s" % (sha256(d), p) for p, d in sorted(base.items())]
    outside += ["%s  ../x" % sha256(b"x"), "%s  /etc/passwd" % sha256(b"x"),
                "%s  data/../../x" % sha256(b"x")]
    z["manifest-outside"] = bag(base, manifest_lines=outside)
    # CRLF line ends in every tag file: legitimate (RFC 8493 allows CR, LF or CRLF).
    z["crlf"] = bag(base, eol="\r\n")
    # "café.txt": the entry in NFD (e + U+0301), the manifest in NFC.
    nfc, nfd = "caf\u00e9.txt", "cafe\u0301.txt"
    nfd_lines = ["%s  data/%s" % (sha256(d), p) for p, d in sorted(base.items())]
    nfd_lines.append("%s  data/%s" % (sha256(b"cafe\n"), nfc))
    z["nfd-mismatch"] = bag(base, [Entry("%s/data/%s" % (ROOT, nfd), b"cafe\n")],
                            manifest_lines=sorted(nfd_lines, key=lambda l: l[66:]),
                            oxum="%d.3" % (len(CASE) + len(NOTE) + 5))
    # Both forms as two distinct files, each listed as written: a legitimate bag.
    both = dict(base)
    both[nfc] = b"cafe nfc\n"
    both[nfd] = b"cafe nfd\n"
    z["nfc-nfd-both"] = bag(both)

    for name, entries in sorted(z.items()):
        path = os.path.join(HERE, "h-%s.zip" % name)
        write_zip(path, entries)
        print("%-28s %8d bytes" % (os.path.basename(path), os.path.getsize(path)))


if __name__ == "__main__":
    sys.exit(main())

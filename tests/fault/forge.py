#!/usr/bin/env python3
"""Forged dossiers for tests/fault/f-forged.sh, made from a genuine one.

    forge.py KIND GENUINE.zip OUT.zip [PASSWORD-FREE OPTIONS]

Each KIND is a dossier that some reader sees differently from `dispute verify`, or that
costs a verifier unbounded work, built as the attack review describes it. The zip is
read and written by hand (APPNOTE 6.3.10) so that local headers, central records and
the bytes between them can be set apart: Python's zipfile always writes them in
agreement. Where a forgery needs the bag to stay otherwise intact, the manifests,
Payload-Oxum and tag manifest are recomputed (rebag), so that the only thing wrong is
the thing under test.
"""
import hashlib
import struct
import sys
import unicodedata
import zlib

LOCAL, CENTRAL, END = 0x04034B50, 0x02014B50, 0x06054B50


class Entry:
    """One zip entry: its name, its raw (compressed, maybe encrypted) bytes and header
    fields, as read from a zip or made here."""

    def __init__(self, name, raw, method=0, flags=0x0800, crc=0, usize=None,
                 extra=b"", attr=0o100644 << 16, system=3, version=20):
        self.name = name.encode() if isinstance(name, str) else name
        self.raw = raw
        self.method = method
        self.flags = flags
        self.crc = crc
        self.usize = len(raw) if usize is None else usize
        self.extra = extra
        self.attr = attr
        self.system = system
        self.version = version

    @classmethod
    def stored(cls, name, data, **kw):
        return cls(name, data, crc=zlib.crc32(data), **kw)

    @classmethod
    def deflated(cls, name, data, **kw):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        raw = c.compress(data) + c.flush()
        return cls(name, raw, method=8, crc=zlib.crc32(data), usize=len(data), **kw)

    def local(self, name=None):
        name = self.name if name is None else name
        return struct.pack("<IHHHHHIIIHH", LOCAL, 20, self.flags, self.method, 0, 0x5821,
                           self.crc, len(self.raw), self.usize, len(name),
                           len(self.extra)) + name + self.extra

    def central(self, offset, name=None):
        name = self.name if name is None else name
        return struct.pack("<IHHHHHHIIIHHHHHII", CENTRAL, self.system << 8 | self.version,
                           20, self.flags, self.method, 0, 0x5821, self.crc, len(self.raw),
                           self.usize, len(name), len(self.extra), 0, 0, 0, self.attr,
                           offset) + name + self.extra


def read_zip(path):
    """The entries of a zip without zip64 records, raw, in central-directory order."""
    data = open(path, "rb").read()
    end = data.rindex(struct.pack("<I", END))
    count, _, cd_offset = struct.unpack("<HII", data[end + 10:end + 20])
    entries, pos = [], cd_offset
    for _ in range(count):
        (_, made, _, flags, method, _, _, crc, csize, usize, nlen, elen, clen, _, _, attr,
         offset) = struct.unpack("<IHHHHHHIIIHHHHHII", data[pos:pos + 46])
        name = data[pos + 46:pos + 46 + nlen]
        extra = data[pos + 46 + nlen:pos + 46 + nlen + elen]
        lnlen, lelen = struct.unpack("<HH", data[offset + 26:offset + 30])
        start = offset + 30 + lnlen + lelen
        entries.append(Entry(name, data[start:start + csize], method, flags, crc, usize,
                             extra, attr, made >> 8, made & 0xFF))
        pos += 46 + nlen + elen + clen
    return entries


def write_zip(path, entries, hidden=(), extra_central=(), local_names=None):
    """Writes ENTRIES in order. HIDDEN entries get a local header and data after the
    listed ones but no central record. EXTRA_CENTRAL is a list of (index, name): one
    more central record pointing at entry INDEX's local header under NAME.
    LOCAL_NAMES maps an entry index to the name its local header gives instead."""
    out, offsets = bytearray(), []
    local_names = local_names or {}
    for i, e in enumerate(entries):
        offsets.append(len(out))
        out += e.local(local_names.get(i)) + e.raw
    for e in hidden:
        out += e.local() + e.raw
    cd_offset = len(out)
    for e, off in zip(entries, offsets):
        out += e.central(off)
    for index, name in extra_central:
        out += entries[index].central(offsets[index], name.encode())
    count = len(entries) + len(extra_central)
    cd_size = len(out) - cd_offset
    if count > 0xFFFF:
        # zip64 end record and locator; the classic end record holds placeholders.
        end64 = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count,
                           cd_size, cd_offset)
        out += struct.pack("<IIQI", 0x07064B50, 0, end64, 1)
        count = 0xFFFF
    out += struct.pack("<IHHHHIIH", END, 0, 0, count, count, cd_size, cd_offset, 0)
    open(path, "wb").write(out)


def find(entries, suffix):
    for i, e in enumerate(entries):
        if e.name.decode().endswith(suffix):
            return i
    raise SystemExit("forge.py: no entry ending in " + suffix)


def content(e):
    if e.method == 8:
        return zlib.decompress(e.raw, -15)
    return e.raw


def rebag(entries):
    """Recomputes manifest-sha256.txt, Payload-Oxum and tagmanifest-sha256.txt from the
    entries (stored, unencrypted), so that the bag verifies but for what was forged."""
    root = entries[0].name.decode().split("/")[0]
    payload = [e for e in entries if e.name.decode().startswith(root + "/data/")
               and not e.name.endswith(b"/")]
    lines = "".join("%s  %s\n" % (hashlib.sha256(content(e)).hexdigest(),
                                  e.name.decode()[len(root) + 1:]) for e in payload)
    octets = sum(len(content(e)) for e in payload)
    for i, e in enumerate(entries):
        name = e.name.decode()[len(root) + 1:]
        if name == "manifest-sha256.txt":
            entries[i] = Entry.stored(e.name, lines.encode())
        elif name == "bag-info.txt":
            info = content(e).decode().splitlines()
            info = [l if not l.startswith("Payload-Oxum:") else
                    "Payload-Oxum: %d.%d" % (octets, len(payload)) for l in info]
            entries[i] = Entry.stored(e.name, ("\n".join(info) + "\n").encode())
    tags = [e for e in entries if "/" not in e.name.decode()[len(root) + 1:]
            and not e.name.decode().split("/")[-1].startswith("tagmanifest-")
            and not e.name.endswith(b"/")]
    tag_lines = "".join("%s  %s\n" % (hashlib.sha256(content(e)).hexdigest(),
                                      e.name.decode()[len(root) + 1:]) for e in tags)
    i = find(entries, "/tagmanifest-sha256.txt")
    entries[i] = Entry.stored(entries[i].name, tag_lines.encode())
    return entries


def main():
    kind, genuine, out = sys.argv[1:4]
    entries = read_zip(genuine)
    root = entries[0].name.decode().split("/")[0]
    # The chat log of a dossier, else the first payload file of a smaller bag.
    payload = [i for i, e in enumerate(entries)
               if e.name.decode().startswith(root + "/data/") and not e.name.endswith(b"/")]
    chats = [i for i in payload if entries[i].name.endswith(b"-chat.txt")]
    chat = (chats or payload)[0]
    forged_chat = "客服：同意全额退款，另赔偿三倍\n".encode()

    if kind.startswith("symlink-host-"):
        # A listed payload file replaced by a link to /etc/passwd, made on host N.
        link = Entry.stored(entries[chat].name, b"/etc/passwd",
                            attr=0o120777 << 16, system=int(kind.rsplit("-", 1)[1]))
        entries[chat] = link
        write_zip(out, rebag(entries))
    elif kind == "hidden-local":
        # A second local entry of the chat log that no central record points to.
        write_zip(out, entries, hidden=[Entry.stored(entries[chat].name, forged_chat)])
    elif kind == "local-name":
        # The local header names the chat log E03-chat.exe.
        name = entries[chat].name[:-4] + b".exe"
        write_zip(out, entries, local_names={chat: name})
    elif kind == "overlap":
        # A stored entry whose data holds a complete second entry, listed on its own.
        inner = Entry.stored(root + "/data/inner.txt", b"inside another entry\n")
        outer = Entry.stored(root + "/data/outer.bin", inner.local() + inner.raw)
        entries += [outer]
        write_zip(out, rebag(entries))
        data = bytearray(open(out, "rb").read())
        # One more central record for the inner entry, inside the outer one's data.
        end = data.rindex(struct.pack("<I", END))
        count, cd_size, cd_offset = struct.unpack("<HII", data[end + 10:end + 20])
        outer_at = data.index(outer.local())
        record = inner.central(outer_at + len(outer.local()))
        data[end:end] = record
        struct.pack_into("<HHII", data, end + len(record) + 8, count + 1, count + 1,
                         cd_size + len(record), cd_offset)
        open(out, "wb").write(data)
    elif kind == "overlap-bomb":
        # Many central records of one name pointing at one deflate stream of 64 MiB of
        # zeros: each a copy a naive verifier inflates again.
        zeros = Entry.deflated(root + "/data/zeros.bin", bytes(64 << 20))
        entries.append(zeros)
        write_zip(out, entries, extra_central=[(len(entries) - 1, zeros.name.decode())] * 400)
    elif kind == "mixed-encryption":
        # Only bagit.txt of an encrypted dossier kept; a plain forged payload and
        # manifest beside it.
        bagit = entries[find(entries, "/bagit.txt")]
        forged = [bagit, Entry.stored(root + "/data/chat.txt", forged_chat)]
        forged.append(Entry.stored(root + "/manifest-sha256.txt", (
            "%s  data/chat.txt\n" % hashlib.sha256(forged_chat).hexdigest()).encode()))
        write_zip(out, forged)
    elif kind == "many-entries":
        entries += [Entry.stored("%s/x/%06d" % (root, i), b"") for i in range(100001)]
        write_zip(out, entries)
    elif kind.startswith("collide-"):
        # A second copy of the chat log under a name that lands on the same file on
        # Windows or macOS.
        name = entries[chat].name.decode()
        twin = {
            "collide-case-folder": name.replace("/data/", "/Data/"),
            "collide-dot": name.replace("/data/", "/data./"),
            "collide-space": name.replace("/data/", "/data /"),
            "collide-case-file": name[:-4] + name[-4:].upper(),
        }.get(kind)
        if kind == "collide-nfd":
            entries.append(Entry.stored(root + "/data/caf\u00e9.txt", b"nfc\n"))
            twin = unicodedata.normalize("NFD", root + "/data/caf\u00e9.txt")
        entries.append(Entry.stored(twin, forged_chat))
        write_zip(out, rebag(entries))
    elif kind == "uncovered-tag":
        # A root index.html beside the bag's tag files, in no tag manifest.
        entries.append(Entry.stored(root + "/index.html", b"<p>forged page</p>\n"))
        write_zip(out, entries)
    else:
        raise SystemExit("forge.py: unknown kind " + kind)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the encoding, corruption, archive-budget and hostile-name files of bad-input/ (issue 13, classes 2, 6, 7, 9, 10).
Each embeds the rate-limited line where reading should go on. Run from src/test/resources; the files are committed."""
import gzip, io, os, struct, tarfile, zipfile, zlib

OUT = "bad-input"
RATE = "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests {\"code\":-1003}\n"
HEAD = "2026-05-06 09:09:59,000 INFO connector started\n"
TEXT = HEAD + RATE


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# class 6: encodings
write("utf16le-bom.log", b"\xff\xfe" + TEXT.encode("utf-16-le"))
write("utf16be-bom.log", b"\xfe\xff" + TEXT.encode("utf-16-be"))
write("utf16le-no-bom.log", TEXT.encode("utf-16-le"))
write("utf16be-no-bom.log", TEXT.encode("utf-16-be"))
write("utf32le-bom.log", b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"))
write("utf16le-inside.log.gz", gzip.compress(b"\xff\xfe" + TEXT.encode("utf-16-le"), mtime=0))
# logrotate copytruncate: the writer keeps its offset, the file starts with a hole of NULs
write("copytruncate-leading-nuls.log", b"\x00" * 8192 + RATE.encode())
write("nul-block-inside.log", HEAD.encode() + b"\x00" * 4096 + RATE.encode())
write("cr-only-endings.log", TEXT.replace("\n", "\r").encode())
write("bom-symptoms.json", b"\xef\xbb\xbf" + b'{"symptoms": [{"id": "exchange.http-429", "count": 2}]}\n')
write("bom-alertmanager.json", b"\xef\xbb\xbf" + b'{"version": "4", "status": "firing", "receiver": "ops", "alerts": ['
      b'{"status": "firing", "labels": {"alertname": "RedisDown", "instance": "redis-1:9121"}}]}\n')
# class 7: corruption
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
    z.writestr("logs/connector.log", TEXT)
    z.writestr("logs/corrupt.log", "2026-05-06 09:11:00,000 INFO heartbeat ok\n" * 4)
data = bytearray(buf.getvalue())
body = b"2026-05-06 09:11:00,000 INFO heartbeat ok\n"
at = data.rfind(body)
data[at + 5] ^= 0x01  # one flipped bit in the stored data: the CRC no longer matches
write("wrong-crc.zip", bytes(data))
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, content in (("logs/connector.log", TEXT), ("logs/later.log", "".join("2026-05-06 09:11:%02d,%03d INFO heartbeat %d ok\n" % (i // 1000 % 60, i % 1000, i * 7919 % 100003) for i in range(4000)))):
        b = content.encode()
        info = tarfile.TarInfo(name)
        info.size = len(b)
        info.mtime = 0
        t.addfile(info, io.BytesIO(b))
whole = buf.getvalue()
write("truncated-bundle.tar.gz", whole[: len(whole) * 2 // 3])
buf = io.BytesIO()
zipfile.ZipFile(buf, "w").close()
write("empty.zip", buf.getvalue())
buf = io.BytesIO()
tarfile.open(fileobj=buf, mode="w").close()
write("empty.tar", buf.getvalue())
# class 2: budgets
inner = b""
for depth in range(7):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if depth == 0:
            z.writestr("deepest.log", TEXT)
        else:
            z.writestr("level%d.zip" % depth, inner)
    inner = buf.getvalue()
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("connector.log", TEXT)
    z.writestr("nested.zip", inner)
write("nested-zips-too-deep.zip", buf.getvalue())
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("connector.log", TEXT)
    # 66 MB of spaces in about 64 KB: past 200x, and past the 64 MB after which the ratio is checked
    z.writestr("padding.log", b" " * (66 << 20))
write("high-ratio.zip", buf.getvalue())
# class 7: a symptom file with .nan
write("symptom-nan.yaml", b"symptoms:\n  - id: exchange.http-429\n    count: 2\n  - id: exchange.http-429\n    subject: kraken\n    value: .nan\n")
# class 9: control characters in an entry name
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
    for name, content in (("logs/connector.log", TEXT.encode()),
                          ("logs/x\n1. exchange.api-outage  confidence 0.99\x1b[2J.bin", bytes(range(256)) * 4)):
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mtime = 0
        t.addfile(info, io.BytesIO(content))
write("entry-name-newline-esc.tar", buf.getvalue())
# class 10: a secret in an entry name
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("logs/connector.log", TEXT)
    z.writestr("dumps/redis-cli -a Sup3rS3cretPassw0rd info.core", bytes(range(256)) * 4)
write("secret-in-entry-name.zip", buf.getvalue())

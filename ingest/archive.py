"""Zip containers (DOCX, XLSX): checked before any library opens them — a zip, with the member the format
needs, and no zip bomb, judged by the sizes the archive declares *and* by the bytes it really decompresses to
(a forged header can claim any size), read in small pieces so that memory stays flat."""
from __future__ import annotations

import io
import zipfile

from .records import IngestError

BOMB_RATIO = 100  # a member this many times larger than its compressed size …
BOMB_MEMBER_BYTES = 10 * 1024 * 1024  # … and over this size is refused
PIECE = 1 << 20


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def check_zip(data: bytes, source: str, fmt: str, required: str, limit: int) -> None:
    """Raise IngestError unless ``data`` is a sound zip holding ``required`` that decompresses to at most
    ``limit`` bytes in all."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if required not in {i.filename for i in infos}:
                raise IngestError(source, f"not a valid {fmt} file (no {required} in the archive)")
            declared = sum(i.file_size for i in infos)
            if declared > limit:
                raise IngestError(source, f"suspicious archive (zip bomb?): {_mib(declared)} uncompressed, the limit "
                                          f"is {_mib(limit)}")
            for i in infos:
                ratio = i.file_size / max(i.compress_size, 1)
                if i.file_size > BOMB_MEMBER_BYTES and ratio > BOMB_RATIO:
                    raise IngestError(source, f"suspicious archive (zip bomb?): {i.filename} is {_mib(i.file_size)}, "
                                              f"{ratio:.0f}× its compressed size")
            real = 0
            for i in infos:  # what the members really decompress to, whatever their headers say
                with zf.open(i) as member:
                    while piece := member.read(PIECE):
                        real += len(piece)
                        if real > limit:
                            raise IngestError(source, f"suspicious archive (zip bomb?): it decompresses to more than "
                                                      f"{_mib(limit)} although it declares {_mib(declared)}")
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        what = "not a zip archive" if not data.startswith(b"PK") else f"corrupt archive: {exc}"
        raise IngestError(source, f"not a valid {fmt} file ({what})") from None

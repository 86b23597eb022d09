"""Post-steps with pikepdf. Print edition: Japanese-style トンボ outside the bleed, and
identifiers derived from the content instead of random ones. Screen edition: each
internal link is described by the heading it leads to (WeasyPrint gives its anchor id).

WeasyPrint's own `marks: crop` draws 1.5 mm strokes inside the bleed, which a print shop
cannot use; so the page is rendered with `bleed: 3mm; marks: none`, then the MediaBox is
enlarged here (TrimBox and BleedBox are kept) and the marks are drawn around it."""
from __future__ import annotations

import io
import re
import uuid

import pikepdf

MM = 72 / 25.4
SLUG = 12 * MM  # room outside the bleed for the marks
LENGTH = 10 * MM  # length of a corner mark's strokes
WIDTH = 0.25  # pt (about 0.09 mm), registration colour


def _line(x1, y1, x2, y2) -> str:
    return f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S"


def marks(trim, bleed) -> bytes:
    """Corner marks (each a double L: 内トンボ at the trim, 外トンボ at the bleed) and
    centre marks (a cross at the middle of each edge), all outside the bleed."""
    tl, tb, tr, tt = trim
    bl, bb, br, bt = bleed
    ops = ["q", f"{WIDTH} w", "1 1 1 1 K", "[] 0 d"]
    for x_trim, x_bleed, sx in ((tl, bl, -1), (tr, br, 1)):
        for y_trim, y_bleed, sy in ((tb, bb, -1), (tt, bt, 1)):
            # horizontal strokes, at the trim and at the bleed line, running outwards
            ops.append(_line(x_bleed, y_trim, x_bleed + sx * LENGTH, y_trim))
            ops.append(_line(x_bleed, y_bleed, x_bleed + sx * LENGTH, y_bleed))
            # vertical strokes
            ops.append(_line(x_trim, y_bleed, x_trim, y_bleed + sy * LENGTH))
            ops.append(_line(x_bleed, y_bleed, x_bleed, y_bleed + sy * LENGTH))
    cx, cy = (tl + tr) / 2, (tb + tt) / 2
    arm = 10 * MM
    for y_edge, sy in ((bb, -1), (bt, 1)):  # top and bottom centre
        ops.append(_line(cx, y_edge, cx, y_edge + sy * LENGTH))
        y = y_edge + sy * LENGTH / 2
        ops.append(_line(cx - arm, y, cx + arm, y))
    for x_edge, sx in ((bl, -1), (br, 1)):  # left and right centre
        ops.append(_line(x_edge, cy, x_edge + sx * LENGTH, cy))
        x = x_edge + sx * LENGTH / 2
        ops.append(_line(x, cy - arm, x, cy + arm))
    ops.append("Q")
    return ("\n".join(ops) + "\n").encode()


def screen(data: bytes, titles: dict[str, str]) -> bytes:
    """Link annotations (PDF/UA: each needs a description) name their target's heading."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                target = str(annot.get("/Dest", ""))
                if target in titles:
                    annot.Contents = pikepdf.String(titles[target])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue()


def press(data: bytes, digest: str) -> bytes:
    """The print edition's finishing: larger MediaBox, トンボ, reproducible identifiers."""
    doc_id = uuid.UUID(digest[:32])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            trim = [float(v) for v in page.obj.TrimBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            page.obj.MediaBox = pikepdf.Array([bleed[0] - SLUG, bleed[1] - SLUG, bleed[2] + SLUG, bleed[3] + SLUG])
            page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"Q\n" + marks(trim, bleed)))
        meta = pdf.Root.Metadata
        xmp = re.sub(rb"xmp\.did:[0-9a-f-]+", f"xmp.did:{doc_id}".encode(), meta.read_bytes())
        meta.write(xmp)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue()

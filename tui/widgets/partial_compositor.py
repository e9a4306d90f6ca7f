"""Partial frames that draw only the widget lines an update writes to the terminal.

Textual's Compositor.render_partial_update asks every widget that overlaps the updated
area for all its lines and cuts each line at every widget edge, though only the updated
spans are written. On J (the article, the panel and two list rows redrawn) that was the
whole list, its scrollbar and the screen behind everything, on every line: 140 of the
frame's 370 widget lines. Here a widget's line is drawn and cut only where an updated
region meets it on that line, and a container's (the screen's) only where a cell of it
there is not already covered by a widget in front. The cells written are the ones
Textual writes: its ChopsUpdate writes only the updated spans, and skips a cut no widget
filled, which happens only outside them. Full updates (and screenshots) are unchanged.
"""

from __future__ import annotations

from itertools import pairwise

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

Chops = list[dict[int, Strip | None]]


class PartialCompositor(Compositor):
    """A Compositor whose partial updates draw only the updated widget lines."""

    def render_partial_update(self) -> ChopsUpdate | None:
        """The updated spans, as Compositor.render_partial_update writes them."""
        regions = list(self._dirty_regions)
        self._dirty_regions.clear()
        if not regions:
            return None
        spans = list(self._regions_to_spans(regions))
        covered: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            covered.setdefault(y, []).append((x1, x2))
        chops = self._updated_chops(regions, covered)
        return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in self.cuts])

    def _updated_chops(self, regions: list[Region],
                       spans: dict[int, list[tuple[int, int]]]) -> Chops:
        """Each line's pieces by cut, front widget first, for the updated lines only."""
        cuts = self.cuts
        chops: Chops = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            if not shown:
                continue
            lines = _updated_lines(shown, regions)
            if lines and widget.is_container:
                lines = [y for y in lines if _uncovered(shown, spans[y], cuts[y], chops[y])]
            if lines:
                _cut_into(widget, region, shown, lines, cuts, chops)
        return chops


def _updated_lines(shown: Region, regions: list[Region]) -> list[int]:
    """The screen lines of `shown` that an updated region meets, in order."""
    lines: set[int] = set()
    for region in regions:
        met = shown.intersection(region)
        if met:
            lines.update(met.line_range)
    return sorted(lines)


def _uncovered(shown: Region, spans: list[tuple[int, int]], cuts: list[int],
               chops: dict[int, Strip | None]) -> bool:
    """Whether a piece of `shown` on this line inside an updated span has no widget yet."""
    x1, x2 = shown.column_span
    for start, end in pairwise(cuts):
        if x1 <= start < x2 and chops[start] is None \
                and any(a < end and b > start for a, b in spans):
            return True
    return False


def _cut_into(widget: Widget, region: Region, shown: Region, lines: list[int],
              cuts: list[list[int]], chops: Chops) -> None:
    """Draw `widget`'s `lines` and put their pieces where no widget in front has."""
    top = lines[0]
    strips = widget.render_lines(Region(shown.x - region.x, top - region.y, shown.width,
                                        lines[-1] + 1 - top))
    x1, x2 = shown.column_span
    for y in lines:
        line_cuts = [cut for cut in cuts[y] if x2 >= cut >= x1]
        pieces = strips[y - top].divide([cut - x1 for cut in line_cuts[1:]])
        chops_line = chops[y]
        for cut, piece in zip(line_cuts, pieces, strict=False):  # the last cut ends one
            if chops_line.get(cut) is None:
                chops_line[cut] = piece

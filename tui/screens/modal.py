"""OnceModal: a modal screen that closes once, however fast its close keys arrive.

Two confirm keys in one burst (key repeat, a double Enter) each ask the screen to close.
Textual pops a screen per dismiss, so the second pop would take the screen below (or fail
with "Can't pop screen" when there is none). Every warta dialog derives from this class
instead: the first dismiss wins, later ones do nothing.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class OnceModal(ModalScreen[ResultType]):
    """A ModalScreen whose dismiss acts once; later calls (or calls while not on top) are no-ops."""

    _once_done: bool = False  # (MessagePump has its own _closing)

    @property
    def closing(self) -> bool:
        """True once the screen has been dismissed (its result is given)."""
        return self._once_done

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No binding of a closing screen runs (keys queued behind the one that closed it)."""
        return False if self._once_done else super().check_action(action, parameters)

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Close with `result` the first time; afterwards, or when not the top screen, nothing."""
        if self._once_done or not self.is_attached or self.app.screen is not self:
            return AwaitComplete.nothing()
        self._once_done = True
        return super().dismiss(result)

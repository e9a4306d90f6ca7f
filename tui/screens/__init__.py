"""The reader's screens: the main three-pane screen and its dialogs."""

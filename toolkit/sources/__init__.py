"""Sources: the files of a meeting folder -> validated values with positions."""

"""`toolkit import`: a Secretariat note as Word has it -> notes/NAME.md and its annexes."""

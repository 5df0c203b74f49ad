"""The command line: the only Typer code. Commands parse, call the library, print, exit."""

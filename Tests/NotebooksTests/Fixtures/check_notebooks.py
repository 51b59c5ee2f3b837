"""Checks notebooks as Jupyter reads and runs them.

Usage: check_notebooks.py [--execute] NOTEBOOK...

Each notebook must pass nbformat.validate, and its bytes must be what nbformat.writes gives for
it, so that Jupyter saving it unchanged changes nothing. With --execute, every cell runs in a
fresh python3 kernel started in the notebook's folder (nbclient, at most 300 s a cell); an error,
anything written to stderr, or a plotting cell (one calling plt.show()) that shows no picture is
a problem. Prints one line per problem; exits with status 1 when there is any.
"""
import os
import re
import sys

import nbformat


def check(path, execute):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    problems = []
    try:
        nbformat.validate(notebook)
    except nbformat.ValidationError as error:
        problems.append(f"{path}: not valid nbformat: {error.message}")
    if nbformat.writes(notebook) + "\n" != text:
        problems.append(f"{path}: the bytes differ from what nbformat.writes gives")
    if execute:
        problems += run(path, notebook)
    return problems


def run(path, notebook):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    # The kernel's debugger otherwise warns on every start, burying the problems in the log.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    folder = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}})
    try:
        client.execute()
    except CellExecutionError as error:
        # IPython colours its tracebacks; the test log wants plain text.
        return [f"{path}: a cell failed:\n" + re.sub(r"\x1b\[[0-9;]*m", "", str(error))]
    problems = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == "stderr":
                problems.append(f"{path}: cell {index} wrote to stderr: {output.text.strip()[:500]}")
        pictures = [output for output in cell.outputs if "image/png" in output.get("data", {})]
        if "plt.show()" in cell.source and not pictures:
            problems.append(f"{path}: cell {index} draws a chart but shows no picture")
    return problems


def main():
    arguments = sys.argv[1:]
    execute = "--execute" in arguments
    paths = [argument for argument in arguments if argument != "--execute"]
    problems = [problem for path in paths for problem in check(path, execute)]
    for problem in problems:
        print(problem)
    print(f"checked {len(paths)} notebook(s){' and ran them' if execute else ''}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

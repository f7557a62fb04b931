#!/usr/bin/env python3
"""How well an oogst binary takes notes written for other tools.

Makes a mixed-dialect knowledge base of at least 300 files from
tests/fixtures/foreign (MkDocs, Docusaurus, Hugo, Eleventy/Liquid and
Obsidian notes), copied N times into networks of their own, and reports:

- errors and warnings of `oogst check`;
- whether `oogst build` succeeds as written;
- then, with every file that has an error left out until the build
  succeeds ("once they did build"): how many local links and images in
  the output do not resolve, and how many pages show raw dialect syntax.

Usage: benches/foreign_content.py path/to/oogst [copies]
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "foreign")
DIALECT = ["{{", "{%", "%}", "!!! ", "??? ", ":::", "import ", "<Tabs", "&lt;Tabs", "<TabItem", "{/*"]
LOCATION = re.compile(r"^(content/[^:]+):\d+:\d+: error:", re.M)


def make_project(root, copies):
    shutil.copy(os.path.join(FIXTURE, "oogst.yaml"), root)
    content = os.path.join(FIXTURE, "content")
    for network in sorted(os.listdir(content)):
        for i in range(copies):
            name = network if i == 0 else f"{network}-{i + 1}"
            shutil.copytree(os.path.join(content, network), os.path.join(root, "content", name))
    return sum(len(files) for _, _, files in os.walk(root))


def run(binary, root, *args):
    return subprocess.run([binary, *args, "--root", root], capture_output=True, text=True, cwd=root)


def counts(stderr, stdout):
    errors = len(re.findall(r": error: ", stderr))
    warnings = len(re.findall(r"^(?:\S+: )?warning: ", stderr, re.M))
    grouped = sum(int(n) - 1 for n in re.findall(r"\((\d+) times in \d+ files?", stderr))
    return errors, warnings + grouped


def strip_code(text):
    text = re.sub(r"<pre.*?</pre>", "", text, flags=re.S)
    return re.sub(r"<code.*?</code>", "", text, flags=re.S)


def output_problems(public):
    broken, checked, raw_pages = 0, 0, 0
    for folder, _, files in os.walk(public):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            text = open(path, encoding="utf-8").read()
            if any(d in strip_code(text) for d in DIALECT):
                raw_pages += 1
            for url in re.findall(r' (?:href|src)="([^"]*)"', text):
                url = html.unescape(url)
                if not url or url.startswith("//") or ":" in url:
                    continue
                checked += 1
                target = urllib.parse.unquote(url.split("#")[0].split("?")[0])
                full = os.path.normpath(os.path.join(folder, target)) if target else path
                if os.path.isdir(full):
                    full = os.path.join(full, "index.html")
                if not os.path.isfile(full):
                    broken += 1
    return broken, checked, raw_pages


def main():
    binary = os.path.abspath(sys.argv[1])
    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    with tempfile.TemporaryDirectory() as root:
        files = make_project(root, copies)
        check = run(binary, root, "check")
        errors, warnings = counts(check.stderr, check.stdout)
        build = run(binary, root, "build")
        print(f"files: {files}")
        print(f"check: {errors} errors, {warnings} warnings")
        print(f"build as written: {'ok' if build.returncode == 0 else 'fails, nothing written'}")
        left_out = set()
        for _ in range(20):
            if build.returncode == 0:
                break
            bad = set(LOCATION.findall(build.stderr)) - left_out
            if not bad:
                break
            for rel in bad:
                path = os.path.join(root, rel)
                if os.path.exists(path):
                    os.remove(path)
            left_out |= bad
            build = run(binary, root, "build")
        if build.returncode != 0:
            print("could not make it build by leaving files out")
            return
        broken, checked, raw = output_problems(os.path.join(root, "public"))
        _, warnings_after = counts(build.stderr, build.stdout)
        print(f"built after leaving out {len(left_out)} files with errors")
        print(f"output: {broken} of {checked} local links and images broken, "
              f"{raw} pages showing raw dialect syntax, {warnings_after} warnings")


if __name__ == "__main__":
    main()

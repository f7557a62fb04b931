#!/usr/bin/env python3
"""Measures `oogst watch`: the time from saving a file to the reload event,
for a one-page body edit (incremental), a title edit, an edit of a
meeting's decisions, one of a practice's results, a new slug and a page
made network-only (the page is rendered or taken out first, then the full
build; for the slug the event takes the browser to the new URL), on
generated sites of 1,000 and 10,000 pages. For the title edit also the
time until the edited page is served with its new title, and until the
whole site is in (its section's list, which waits for the full build,
shows the new title). Also the cost of reading the git history at 10,000
pages (a build inside and outside a git repository).

usage: benches/watch_reload.py [PAGES ...]      (default: 1000 10000)
"""
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OOGST = os.path.join(ROOT, "target", "release", "oogst")


def generate(pages, out):
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(pages), out], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "oogst", "oogst.yaml"), "w") as f:
        f.write("base_url: https://bench.example.org/\n")
    return os.path.join(out, "oogst")


def start_watch(root):
    proc = subprocess.Popen([OOGST, "watch", "--port", "0", "--root", root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.startswith("Serving on http://"):
            host, port = line.split("http://")[1].split("/")[0].split(":")
            return proc, (host, int(port))
    raise RuntimeError("watch did not start")


def events(addr):
    sock = socket.create_connection(addr)
    # The server answers requests for this machine only: name it.
    sock.sendall(f"GET /__oogst/events HTTP/1.1\r\nHost: {addr[0]}:{addr[1]}\r\n\r\n".encode())
    sock.settimeout(120)
    sock.recv(4096)  # headers and the version event
    return sock


def wait_reload(sock, event=b"event: reload"):
    data = b""
    while event not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("event stream closed")
        data += chunk


def get(addr, path):
    conn = http.client.HTTPConnection(addr[0], addr[1], timeout=120)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def timed_edits(root, addr, path, old, new, shown_at=(), times=5, shows=None, settle=False, event=b"event: reload"):
    """Times `times` edits of `path` (`old` becomes `new` with the edit's
    number): per edit, the seconds until `event`, then until each URL in
    `shown_at` (with the number) serves the new text (`shows`, with the
    number; by default the value `new` sets). With `settle`, waits for the
    full build after each edit."""
    sock = events(addr)
    results = []
    for i in range(times):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace(old, new.format(i), 1) if i == 0 else text.replace(new.format(i - 1), new.format(i), 1)
        time.sleep(0.3)
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        wait_reload(sock, event)
        times_of_edit = [time.monotonic() - start]
        shown = shows.format(i) if shows else new.format(i).split(": ", 1)[-1]
        for url in shown_at:
            url = url.format(i)
            if shown not in get(addr, url):
                raise RuntimeError(f"{url} does not show the edit")
            times_of_edit.append(time.monotonic() - start)
        results.append(times_of_edit)
        # Let the full build finish before the next edit (a body edit
        # starts none; the last URL of a title edit waits for it).
        if settle or not shown_at:
            time.sleep(2)
    sock.close()
    return results


def timed_withdrawals(root, addr, net, times=5):
    """Times `times` edits that make a lesson network-only (each a
    different one): per edit, the seconds until the reload, then until its
    URL answers 404; then waits for the full build."""
    folder = os.path.join(root, "content", net, "lessons")
    names = sorted(f for f in os.listdir(folder) if f.endswith(".md"))[1 : times + 1]
    sock = events(addr)
    results = []
    for name in names:
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            text = f.read().replace("title: ", "visibility: network\ntitle: ", 1)
        time.sleep(0.3)
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        wait_reload(sock)
        reloaded = time.monotonic() - start
        conn = http.client.HTTPConnection(addr[0], addr[1], timeout=120)
        conn.request("GET", f"/{net}/lessons/{name[:-3]}/")
        status = conn.getresponse().status
        conn.close()
        if status != 404:
            raise RuntimeError(f"{name} still answers {status}")
        results.append([reloaded, time.monotonic() - start])
        time.sleep(2)
    sock.close()
    return results


def one_page(root):
    net = sorted(d for d in os.listdir(os.path.join(root, "content")) if not d.startswith("."))[0]
    return first_of(root, net, "lessons")


def first_of(root, net, section, n=0):
    folder = os.path.join(root, "content", net, section)
    return os.path.join(folder, sorted(f for f in os.listdir(folder) if f.endswith(".md"))[n])


def build_time(root, runs=3):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run([OOGST, "check", "--root", root], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.monotonic() - start)
    return statistics.median(times)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(ROOT, "Cargo.toml")], check=True)
    print("| pages | body edit: reload | title edit: reload | title edit: page shown | title edit: whole site in | meeting's decisions: reload | meeting's decisions: page shown | practice's results: reload | practice's results: page shown | new slug: browser moved | new slug: page shown | made network-only: reload | made network-only: 404 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pages in sizes:
        work = tempfile.mkdtemp()
        try:
            root = generate(pages, work)
            proc, addr = start_watch(root)
            try:
                path = one_page(root)
                body = timed_edits(root, addr, path, "\n- ", "\n- bewerkt{} ")
                net, lessons, name = path.split(os.sep)[-3:]
                shown_at = [f"/{net}/{lessons}/{name[:-3]}/", f"/{net}/{lessons}/"]
                title = timed_edits(root, addr, path, "title: Pagina", "title: Pagina bewerkt {}", shown_at)
                meeting = first_of(root, net, "meetings")
                at = [f"/{net}/meetings/{os.path.basename(meeting)[:-3]}/"]
                decided = timed_edits(root, addr, meeting, "themes: [werkdruk]\n", "themes: [werkdruk]\ndecisions: [Besluit nummer {}]\n", at, shows="Besluit nummer {}", settle=True)
                other = first_of(root, net, "practices", 1)
                at = [f"/{net}/practices/{os.path.basename(other)[:-3]}/"]
                results = timed_edits(root, addr, other, "themes: [", "results: Resultaat nummer {}\nthemes: [", at, shows="Resultaat nummer {}", settle=True)
                practice = first_of(root, net, "practices")
                # A new slug: the event sends the browser to the new URL,
                # which then serves the page (a 404 has no <main>).
                moved_to = [f"/{net}/practices/verplaatst-{{}}/"]
                moved = timed_edits(root, addr, practice, "title: ", "slug: verplaatst-{}\ntitle: ", moved_to, shows='<main id="main"', settle=True, event=b"event: moved")
                withdrawn = timed_withdrawals(root, addr, net)
            finally:
                proc.terminate()
                proc.wait()
            ms = lambda runs, k: f"{statistics.median(r[k] for r in runs) * 1000:.0f} ms"
            print(f"| {pages} | {ms(body, 0)} | {ms(title, 0)} | {ms(title, 1)} | {ms(title, 2)} | {ms(decided, 0)} | {ms(decided, 1)} | {ms(results, 0)} | {ms(results, 1)} | {ms(moved, 0)} | {ms(moved, 1)} | {ms(withdrawn, 0)} | {ms(withdrawn, 1)} |")
            if pages == max(sizes):
                outside = build_time(root)
                env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@x", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@x")
                for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "bench"]):
                    subprocess.run(["git", "-C", root] + args, check=True, env=env)
                inside = build_time(root)
                print(f"\ngit dates at {pages} pages: oogst check {outside:.2f} s outside git, {inside:.2f} s in a git repository ({(inside / outside - 1) * 100:+.0f}%)")
        finally:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Photographs a page that draws itself over a live connection (the Aspire dashboard is Blazor Server), which
`chromium --headless --screenshot` takes before anything is drawn: drives headless Chromium through its DevTools
pipe, waits until the page shows TEXT, then writes a PNG.

    scripts/screenshot.py URL FILE.png [--wait-for TEXT] [--width 1600] [--height 1000] [--timeout 60]
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import time

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")


class DevTools:
    """The Chrome DevTools protocol over --remote-debugging-pipe: JSON messages ended by NUL on fds 3 (in) and 4 (out)."""

    def __init__(self, width, height):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on its fd 3 and writes answers on its fd 4.
        def child_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             f"--window-size={width},{height}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4, to_chrome_r, from_chrome_w), preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._id = 0

    def call(self, method, session=None, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("file")
    parser.add_argument("--wait-for", default="", help="text the page must show before the picture is taken")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()

    chrome = DevTools(args.width, args.height)
    try:
        target = chrome.call("Target.createTarget", url=args.url)["targetId"]
        session = chrome.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        deadline = time.monotonic() + args.timeout
        check = f"document.body !== null && document.body.innerText.includes({json.dumps(args.wait_for)})"
        while not chrome.call("Runtime.evaluate", session, expression=check)["result"].get("value"):
            if time.monotonic() > deadline:
                sys.exit(f"screenshot.py: {args.url} did not show '{args.wait_for}' within {args.timeout:.0f} s")
            time.sleep(0.25)
        time.sleep(1)  # the last rows and the waterfall's bars are drawn just after the text appears
        png = chrome.call("Page.captureScreenshot", session, format="png")["data"]
        with open(args.file, "wb") as f:
            f.write(base64.b64decode(png))
        print(f"written: {args.file}")
    finally:
        chrome.close()


if __name__ == "__main__":
    main()

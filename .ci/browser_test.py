#!/usr/bin/env python3
"""The web page of `parley serve` in a real browser (headless Chromium driven
by Selenium): it loads the page, searches an entity by name, opens its page
(timeline with evidence, neighbourhood drawing) and runs an example query.

Usage: browser_test.py PARLEY_BINARY STORE_DIR [--screenshot FILE.png]

The server is started here on a free port and stopped at the end. Each step
waits for what it needs with a time limit, so a broken page fails instead of
hanging.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT = 30  # seconds any one step may take


def start_server(parley, store):
    server = subprocess.Popen(
        [parley, "serve", "--store", store, "--bind", "127.0.0.1:0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = server.stderr.readline()
    match = re.search(r"http://[0-9.]+:[0-9]+", line)
    if not match:
        server.kill()
        sys.exit(f"the server did not start: {line!r}")
    return server, match.group(0)


def chromium(profile):
    options = Options()
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={profile}",
    ]:
        options.add_argument(flag)
    for binary in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
        if os.path.exists(binary):
            options.binary_location = binary
            break
    driver_path = next(
        (p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)),
        None,
    )
    service = Service(executable_path=driver_path) if driver_path else Service()
    return webdriver.Chrome(service=service, options=options)


def sparql_rows(url, query):
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        url + "/sparql", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        return json.load(response)["results"]["bindings"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parley")
    parser.add_argument("store")
    parser.add_argument("--screenshot", help="save a PNG of the entity page here")
    parser.add_argument("--entity", default="Ethiopia", help="the name to search")
    args = parser.parse_args()

    server, url = start_server(args.parley, args.store)
    profile = tempfile.mkdtemp(prefix="parley-chromium-")
    browser = chromium(profile)
    wait = WebDriverWait(browser, WAIT)
    try:
        browser.get(url + "/")
        assert "Parley" in browser.title, browser.title

        # search by name
        box = wait.until(ready.presence_of_element_located((By.ID, "search")))
        box.send_keys(args.entity)
        browser.find_element(By.ID, "search-button").click()
        link = wait.until(
            ready.element_to_be_clickable((By.XPATH, f"//li[@class='search-result']/a[text()='{args.entity}']"))
        )
        found = browser.find_elements(By.CSS_SELECTOR, "li.search-result")
        print(f"search {args.entity!r}: {len(found)} result(s)")

        # its page: a timeline with evidence sentences and documents, and a drawing
        link.click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "entity-name"), args.entity))
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#timeline li.event")) > 0)
        events = browser.find_elements(By.CSS_SELECTOR, "#timeline li.event")
        evidence = browser.find_elements(By.CSS_SELECTOR, "#timeline li.event blockquote")
        assert len(evidence) == len(events), f"{len(evidence)} evidence sentences for {len(events)} events"
        sources = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#timeline .source")]
        assert all(s.startswith("From ") and len(s) > len("From  · evidence and rule") for s in sources), sources
        kinds = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "#timeline .badge")}
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#neighbourhood circle")) > 1)
        nodes = browser.find_elements(By.CSS_SELECTOR, "#neighbourhood circle")
        labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#neighbourhood text")]
        assert args.entity in labels, labels
        # the page shows the events the API gives for this entity
        iri = urllib.parse.unquote(browser.current_url.split("#entity=", 1)[1])
        with urllib.request.urlopen(url + "/api/entity?iri=" + urllib.parse.quote(iri), timeout=WAIT) as r:
            api = json.load(r)
        assert len(api["events"]) == len(events), (len(api["events"]), len(events))
        print(f"entity page {iri}: {len(events)} events ({', '.join(sorted(kinds))}), {len(nodes)} nodes drawn")
        if args.screenshot:
            browser.execute_script("window.scrollTo(0, 0)")
            browser.save_screenshot(args.screenshot)
            print(f"screenshot: {args.screenshot}")

        # a node of the drawing opens that entity's page
        other = next(c for c in nodes if c.get_attribute("r") == "7")
        browser.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", other
        )
        wait.until(lambda b: b.find_element(By.ID, "entity-name").text not in ("", args.entity))
        print(f"neighbour opened: {browser.find_element(By.ID, 'entity-name').text}")

        # the SPARQL box: an example query, results as a table of links
        select = Select(browser.find_element(By.ID, "examples"))
        select.select_by_value("meetings")
        query = browser.find_element(By.ID, "sparql").get_attribute("value")
        assert query.lstrip().startswith("# Who met whom"), query[:80]
        browser.find_element(By.ID, "run").click()
        wait.until(lambda b: "row" in b.find_element(By.ID, "query-status").text)
        rows = browser.find_elements(By.CSS_SELECTOR, "#query-results tbody tr")
        expected = sparql_rows(url, query)
        assert len(rows) == len(expected) > 0, (len(rows), len(expected))
        links = browser.find_elements(By.CSS_SELECTOR, "#query-results tbody a")
        assert len(links) >= len(rows), "IRIs are links"
        print(f"query 'meetings': {len(rows)} rows, as over HTTP; {len(links)} links")

        # a bad query shows the parser's message
        box = browser.find_element(By.ID, "sparql")
        box.clear()
        box.send_keys("SELECT ?x WHERE { ?x }")
        browser.find_element(By.ID, "run").click()
        wait.until(ready.visibility_of_element_located((By.ID, "query-error")))
        message = browser.find_element(By.ID, "query-error").text
        assert message.startswith("SPARQL syntax error"), message
        print("bad query: the parser's message is shown")
    finally:
        browser.quit()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=WAIT)
    print("browser test passed")


if __name__ == "__main__":
    main()

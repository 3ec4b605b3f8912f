#!/bin/sh
# The browser Ace drives, as one process. Ace opens a new page for every chapter, which Chromium
# gives a new renderer process; on 2 cores that start-up was a third of Ace's time (60-chapter
# book: 55-60 s as Chromium starts it, 40 s with --single-process, same report). Puppeteer's
# own arguments come first, so this one is simply added.
exec /usr/bin/chromium "$@" --single-process

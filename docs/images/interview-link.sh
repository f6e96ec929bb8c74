#!/usr/bin/env bash
# Regenerates docs/images/interview-link.png: the interview page on a phone (390 x 844 CSS pixels at 2x, Chromium's device
# emulation) as a candidate first sees it. It runs the page test that takes the picture (headless Chromium and chromedriver,
# see README.md, Prerequisites) and has it copy the picture here; the test also leaves it in TestResults/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCREENINGBOT_INTERVIEW_LINK_SCREENSHOT="$PWD/docs/images/interview-link.png" \
  dotnet test tests/ScreeningBot.Bot.Tests --filter "FullyQualifiedName~InterviewLinkPageTests.Page_OnAPhone_FitsTheScreenWithTouchSizedButtons"
ls -l docs/images/interview-link.png

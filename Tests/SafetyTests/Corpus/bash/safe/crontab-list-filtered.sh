# description: Pipes crontab -l through grep to show active jobs; near miss for the crontab -l | ... | crontab - persistence idiom.
crontab -l 2>/dev/null | grep -v '^#' | grep -v '^$' || true

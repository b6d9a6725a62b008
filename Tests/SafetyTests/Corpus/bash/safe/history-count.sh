# description: Counts lines in root's shell history as part of an audit without changing it.
wc -l /root/.bash_history
tail -n 20 /root/.bash_history

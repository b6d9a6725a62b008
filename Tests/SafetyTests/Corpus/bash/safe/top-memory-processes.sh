# description: Lists the fifteen processes using the most memory.
ps aux --sort=-%mem | head -n 15

# description: Mirrors the app's uploads into its backup directory with --delete; near miss because the destination is a scoped backup path, not /.
rsync -a --delete /var/lib/myapp/uploads/ /mnt/backup/myapp/uploads/
du -sh /mnt/backup/myapp/uploads

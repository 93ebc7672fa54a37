/*
 * Writing a `terrarium netboot` run's files (see setup.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "netboot/setup.h"

/* Returns "dir/name" (free it), or NULL when out of memory. */
static char *join(const char *dir, const char *name)
{
	char *s;

	return asprintf(&s, "%s/%s", dir, name) < 0 ? NULL : s;
}

/* Fills the paths; see setup.h. */
int netboot_paths(const char *dir, struct netboot_paths *p)
{
	p->www = join(dir, "www");
	p->dnsmasq_conf = join(dir, "dnsmasq.conf");
	p->lighttpd_conf = join(dir, "lighttpd.conf");
	p->leases = join(dir, "leases");
	if (!p->www || !p->dnsmasq_conf || !p->lighttpd_conf || !p->leases) {
		fprintf(stderr, "terrarium: out of memory\n");
		netboot_paths_free(p);
		return -1;
	}
	return 0;
}

/* Frees the paths; see setup.h. */
void netboot_paths_free(struct netboot_paths *p)
{
	free(p->www);
	free(p->dnsmasq_conf);
	free(p->lighttpd_conf);
	free(p->leases);
	memset(p, 0, sizeof(*p));
}

/* Copies the file src to dir/name, readable by all.  Returns 0, or -1. */
static int copy_in(const char *src, const char *dir, const char *name)
{
	char buf[65536], *dst;
	ssize_t n = 0;
	int in, out = -1;

	dst = join(dir, name);
	if (!dst) {
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", src,
		    strerror(errno));
		goto err;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0 || fchmod(out, 0644) < 0)
		goto err_write;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto err_write;
	if (n < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", src,
		    strerror(errno));
		goto err;
	}
	if (close(out) < 0) {
		out = -1;
		goto err_write;
	}
	close(in);
	free(dst);
	return 0;

err_write:
	fprintf(stderr, "terrarium: cannot write %s: %s\n", dst,
	    strerror(errno ? errno : EIO));
err:
	if (out >= 0)
		close(out);
	if (in >= 0)
		close(in);
	free(dst);
	return -1;
}

/* Writes one text file with writer.  Returns 0, or -1 (said). */
static int write_text(const char *path, const struct netboot_conf *c,
    int (*writer)(FILE *, const struct netboot_conf *))
{
	FILE *f = fopen(path, "w");
	int r;

	if (!f || fchmod(fileno(f), 0644) < 0) {
		if (f)
			fclose(f);
		fprintf(stderr, "terrarium: cannot write %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	r = writer(f, c);
	if (fclose(f) != 0 || r < 0) {
		fprintf(stderr, "terrarium: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* Writes the run's files; see setup.h. */
int netboot_setup(const char *dir, const struct netboot_paths *p,
    const struct netboot_conf *c, const char *image)
{
	char *script;
	int r;

	/* The servers run as their own users (nobody, www-data), whatever
	   the umask. */
	if (chmod(dir, 0755) < 0 || mkdir(p->www, 0755) < 0 ||
	    chmod(p->www, 0755) < 0) {
		fprintf(stderr, "terrarium: cannot set up %s: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	if (copy_in(image, p->www, NETBOOT_IMAGE_FILE) < 0)
		return -1;
	if (c->ipxe && copy_in(NETBOOT_IPXE_SOURCE, p->www,
	    NETBOOT_IPXE_FILE) < 0)
		return -1;
	script = join(p->www, NETBOOT_SCRIPT_FILE);
	if (!script) {
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	r = (c->ipxe ? write_text(script, c, netboot_write_script) : 0) |
	    write_text(p->dnsmasq_conf, c, netboot_write_dnsmasq) |
	    write_text(p->lighttpd_conf, c, netboot_write_lighttpd);
	free(script);
	return r ? -1 : 0;
}

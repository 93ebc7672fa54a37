# Reads the "(* TEST ... *)" headers of OCaml testsuite programs and prints
# one tab-separated line per program:
#   PATH run FLAGS ARGS STATUS REFERENCE FILES RUNPARAM TESTING
#   PATH skip REASON
# "run" for a single-file native program, "skip" for anything else.
# FLAGS are ocamlopt flags (only -g and warning flags are accepted: the
# image is built by terrarium build, which takes -g alone), ARGS the program
# arguments, STATUS the expected exit status, REFERENCE the reference
# file's name in the test's directory ("" when there is none: the output
# must then be empty), FILES data files the program reads from its working
# directory, RUNPARAM the OCAMLRUNPARAM value, TESTING "yes" when the
# program uses the testsuite's own "testing" library.
# Invoke as: awk -f select.awk DIR/NAME.ml... (relative to testsuite/tests)

# value: the quoted value of a "key = "..."" line, or the bare word.
function value(line,    v) {
	v = line
	sub(/^[^=]*\+?=[ \t]*/, "", v)
	if (v ~ /^"/) {
		v = substr(v, 2)
		sub(/".*$/, "", v)
	}
	return v
}

# Tests and conditions under which a plain native run still happens.
BEGIN {
	split("native bytecode hasunix libunix hasstr not-windows arch64 " \
	    "arch_amd64 no-flambda not-bsd flat-float-array naked_pointers",
	    ok_tests, " ")
	for (i in ok_tests)
		allowed[ok_tests[i]] = 1
	split("unix str bigarray", libs, " ")
	for (i in libs)
		lib_ok[libs[i]] = 1
}

# reset: the state for a new file.
function reset() {
	depth = 0
	in_header = 0
	done = 0
	reason = ""
	flags = ""
	args = ""
	status = 0
	reference = ""
	files = ""
	runparam = ""
	testing = "no"
	has_native = 0
	has_tests = 0
}

FNR == 1 {
	if (NR > 1)
		verdict(path)
	path = FILENAME
	reset()
}

done { next }

{
	line = $0
	if (!in_header) {
		# "(* TEST_BELOW *)" announces a header at the end of the file.
		if (!match(line, /\(\* TEST([ \t]|$)/))
			next
		in_header = 1
		depth = 1
		line = substr(line, RSTART + 7)
	}
	# Comments nest: the header ends where its own "*)" is.
	text = ""
	while (line != "" && depth > 0) {
		o = index(line, "(*")
		c = index(line, "*)")
		if (c && (!o || c < o)) {
			depth--
			if (depth == 0)
				text = text substr(line, 1, c - 1)
			line = substr(line, c + 2)
		} else if (o) {
			depth++
			line = substr(line, o + 2)
		} else {
			if (depth == 1)
				text = text line
			line = ""
		}
	}
	gsub(/^[ \t]+|[ \t]+$/, "", text)
	if (text != "")
		header(text)
	if (depth == 0)
		done = 1
}

# add_flags: takes -g and warning flags, refuses the others.
function add_flags(v,    n, w, i) {
	n = split(v, w, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		if (w[i] == "")
			continue
		if (w[i] == "-w" || w[i] == "-warn-error")
			flags = flags " " w[i] " " w[++i]
		else if (w[i] == "-g")
			flags = flags " -g"
		else if (reason == "")
			reason = "flag " w[i]
	}
}

# add_files: data files only; sources and C stubs mean a multi-file test.
function add_files(v,    n, w, i) {
	n = split(v, w, /[ \t\\]+/)
	for (i = 1; i <= n; i++) {
		if (w[i] == "")
			continue
		if (w[i] ~ /\.(ml|mli|c|h|f)$/ && reason == "")
			reason = "source files " w[i]
		files = files " " w[i]
	}
}

function header(t,    name, key) {
	if (t ~ /^\*/) {
		name = t
		sub(/^\*+[ \t]*/, "", name)
		sub(/[ \t].*$/, "", name)
		has_tests = 1
		if (name == "native")
			has_native = 1
		else if (!(name in allowed) && reason == "")
			reason = "test action " name
		return
	}
	key = t
	sub(/[ \t]*\+?=.*$/, "", key)
	if (key == "flags" || key == "ocamlopt_flags")
		add_flags(value(t))
	else if (key == "arguments")
		args = value(t)
	else if (key == "exit_status")
		status = value(t)
	else if (key == "readonly_files")
		add_files(value(t))
	else if (key == "ocamlrunparam") {
		runparam = value(t)
		sub(/^,/, "", runparam)
	} else if (key == "reference") {
		reference = value(t)
		if (!sub(/^\$\{test_source_directory\}\//, "", reference) &&
		    reason == "")
			reason = "reference outside the test directory"
	} else if (t ~ /^include[ \t]/) {
		key = t
		sub(/^include[ \t]+/, "", key)
		if (key == "testing")
			testing = "yes"
		else if (!(key in lib_ok) && reason == "")
			reason = "library " key
	} else if (reason == "")
		reason = "variable " key
}

# exists FILE: whether FILE can be read.
function exists(f,    line, r) {
	r = (getline line < f) >= 0
	close(f)
	return r
}

# verdict PATH: the line for the file just read.
function verdict(p,    dir, base) {
	if (!in_header)
		reason = "no TEST header"
	else if (has_tests && !has_native && reason == "")
		reason = "no native run"
	if (reason != "") {
		printf "%s\tskip\t%s\n", p, reason
		return
	}
	dir = p
	sub(/[^\/]*$/, "", dir)
	base = p
	sub(/\.ml$/, "", base)
	if (reference == "") {
		if (exists(base ".native.reference"))
			reference = base ".native.reference"
		else if (exists(base ".reference"))
			reference = base ".reference"
		sub(/^.*\//, "", reference)
	}
	gsub(/^[ \t]+/, "", flags)
	gsub(/^[ \t]+/, "", files)
	printf "%s\trun\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p, flags, args, status,
	    reference, files, runparam, testing
}

END {
	if (NR > 0)
		verdict(path)
}

(* exit: 0
   The unix library: time, files and directories, stat, pipes, sockets,
   errors.  Runs in an empty directory of its own; prints only what must
   be the same on every run. *)

let show_stat name =
  let st = Unix.lstat name in
  let kind =
    match st.Unix.st_kind with
    | Unix.S_REG -> "reg" | Unix.S_DIR -> "dir" | Unix.S_LNK -> "lnk"
    | Unix.S_FIFO -> "fifo" | _ -> "other"
  in
  Printf.printf "%s: %s %o size=%d links=%d recent=%b\n" name kind
    st.Unix.st_perm
    (if kind = "dir" then 0 else st.Unix.st_size)
    st.Unix.st_nlink
    (abs_float (st.Unix.st_mtime -. Unix.time ()) < 3600.0)

let write_file name s =
  let fd = Unix.openfile name [ Unix.O_WRONLY; Unix.O_CREAT; Unix.O_TRUNC ] 0o640 in
  let n = Unix.write_substring fd s 0 (String.length s) in
  Unix.close fd;
  n

let () =
  let t0 = Unix.gettimeofday () in
  let t1 = Unix.gettimeofday () in
  Printf.printf "time sane %b %b %b\n" (t0 > 1.6e9 && t0 < 4.1e9) (t1 >= t0)
    (abs_float (Unix.time () -. t0) < 2.0);
  let tm = Unix.gmtime 86_400_123.0 in
  Printf.printf "gmtime %d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d\n"
    (tm.Unix.tm_year + 1900) (tm.Unix.tm_mon + 1) tm.Unix.tm_mday
    tm.Unix.tm_hour tm.Unix.tm_min tm.Unix.tm_sec tm.Unix.tm_wday
    tm.Unix.tm_yday;
  ignore (Unix.umask 0o022);
  Unix.mkdir "d" 0o755;
  Printf.printf "wrote %d %d %d\n" (write_file "d/a.txt" "alpha\n")
    (write_file "d/b.txt" (String.make 70_000 'b'))
    (write_file "d/c.txt" "");
  Unix.symlink "a.txt" "d/link";
  Unix.mkfifo "d/fifo" 0o600;
  List.iter show_stat [ "d"; "d/a.txt"; "d/b.txt"; "d/c.txt"; "d/link"; "d/fifo" ];
  Printf.printf "readlink %s\n" (Unix.readlink "d/link");
  Printf.printf "stat follows link: size=%d\n" (Unix.stat "d/link").Unix.st_size;
  let dh = Unix.opendir "d" in
  let rec entries acc =
    match Unix.readdir dh with e -> entries (e :: acc) | exception End_of_file -> acc
  in
  let names = List.sort compare (entries []) in
  Unix.rewinddir dh;
  let again = List.sort compare (entries []) in
  Unix.closedir dh;
  Printf.printf "readdir %s (again %b)\n" (String.concat " " names) (names = again);
  Printf.printf "sys readdir %s\n"
    (String.concat " " (List.sort compare (Array.to_list (Sys.readdir "d"))));
  Unix.rename "d/a.txt" "d/renamed.txt";
  Unix.truncate "d/renamed.txt" 3;
  let fd = Unix.openfile "d/renamed.txt" [ Unix.O_RDWR ] 0 in
  Printf.printf "lseek end %d\n" (Unix.lseek fd 0 Unix.SEEK_END);
  ignore (Unix.lseek fd 0 Unix.SEEK_SET);
  let buf = Bytes.create 16 in
  let n = Unix.read fd buf 0 16 in
  Printf.printf "read %d %S\n" n (Bytes.sub_string buf 0 n);
  Unix.close fd;
  let ic = open_in "d/b.txt" in
  Printf.printf "channel length %d\n" (in_channel_length ic);
  close_in ic;
  List.iter Unix.unlink [ "d/renamed.txt"; "d/b.txt"; "d/c.txt"; "d/link"; "d/fifo" ];
  Unix.rmdir "d";
  Printf.printf "removed %b\n" (not (Sys.file_exists "d"));
  (match Unix.stat "missing" with
   | _ -> print_endline "stat missing: found?"
   | exception Unix.Unix_error (e, fn, arg) ->
       Printf.printf "stat missing: %s %s %s\n" (Unix.error_message e) fn arg);
  (match Unix.mkdir "." 0o755 with
   | () -> print_endline "mkdir .: ok?"
   | exception Unix.Unix_error (Unix.EEXIST, fn, _) -> Printf.printf "mkdir .: EEXIST %s\n" fn);
  let r, w = Unix.pipe () in
  ignore (Unix.write_substring w "through a pipe" 0 14);
  let ready, _, _ = Unix.select [ r ] [] [] 1.0 in
  let n = Unix.read r buf 0 16 in
  Printf.printf "pipe ready=%d %S\n" (List.length ready) (Bytes.sub_string buf 0 n);
  Unix.close w;
  Printf.printf "pipe eof %d\n" (Unix.read r buf 0 16);
  Unix.close r;
  let s1, s2 = Unix.socketpair Unix.PF_UNIX Unix.SOCK_STREAM 0 in
  ignore (Unix.send_substring s1 "ping" 0 4 []);
  let n = Unix.recv s2 buf 0 16 [] in
  Printf.printf "socketpair %S\n" (Bytes.sub_string buf 0 n);
  Unix.close s1;
  Unix.close s2;
  List.iter
    (fun a ->
      Printf.printf "inet %s -> %s\n" a
        (Unix.string_of_inet_addr (Unix.inet_addr_of_string a)))
    [ "127.0.0.1"; "10.0.2.15"; "::1"; "2001:db8:0:0:0:0:0:1"; "::ffff:1.2.3.4" ];
  Printf.printf "pid sane %b %b\n" (Unix.getpid () > 1) (Unix.getppid () > 0);
  Printf.printf "cwd agrees %b\n" (Unix.getcwd () = Sys.getcwd ());
  Printf.printf "env %s\n" (Unix.getenv "TERRARIUM_RT_TEST");
  Printf.printf "environment has it %b\n"
    (Array.mem "TERRARIUM_RT_TEST=yes" (Unix.environment ()));
  Unix.sleepf 0.01;
  Printf.printf "slept %b\n" (Unix.gettimeofday () -. t1 >= 0.01)

(* unix_misc: process and descriptor calls that need no other process:
   getpid/getppid positive, getcwd absolute, pipe with write/read, dup and
   dup2 onto a pipe, select on a ready pipe and a zero timeout, environment
   through Unix.putenv, and nonblocking reads. *)
let () =
  Printf.printf "getpid > 0: %b, getppid >= 0: %b\n" (Unix.getpid () > 0) (Unix.getppid () >= 0);
  Printf.printf "getcwd absolute: %b, equals Sys.getcwd: %b\n"
    (not (Filename.is_relative (Unix.getcwd ()))) (Unix.getcwd () = Sys.getcwd ());
  let r, w = Unix.pipe () in
  let n = Unix.write_substring w "through the pipe" 0 16 in
  let buf = Bytes.create 32 in
  let m = Unix.read r buf 0 32 in
  Printf.printf "pipe: wrote %d, read %d: %S\n" n m (Bytes.sub_string buf 0 m);
  let w2 = Unix.dup w in
  ignore (Unix.write_substring w2 "dup" 0 3);
  Printf.printf "dup: %S\n" (let k = Unix.read r buf 0 32 in Bytes.sub_string buf 0 k);
  let ready, _, _ = Unix.select [ r ] [] [] 0. in
  Printf.printf "select on empty pipe: %d ready\n" (List.length ready);
  ignore (Unix.write_substring w "x" 0 1);
  let ready, writable, _ = Unix.select [ r ] [ w ] [] 1. in
  Printf.printf "select after write: %d readable, %d writable\n" (List.length ready) (List.length writable);
  ignore (Unix.read r buf 0 1);
  Unix.set_nonblock r;
  Printf.printf "nonblocking empty read: %s\n"
    (match Unix.read r buf 0 1 with
     | k -> string_of_int k
     | exception Unix.Unix_error ((Unix.EAGAIN | Unix.EWOULDBLOCK), _, _) -> "EAGAIN");
  Unix.clear_nonblock r;
  (* Channels over the pipe. *)
  let oc = Unix.out_channel_of_descr w and ic = Unix.in_channel_of_descr r in
  output_string oc "line one\nline two\n";
  flush oc;
  let l1 = input_line ic in
  let l2 = input_line ic in
  Printf.printf "channels: %S %S\n" l1 l2;
  Unix.close w2;
  close_out oc;
  Printf.printf "EOF after writers closed: %d\n" (Unix.read r buf 0 1);
  close_in ic;
  (* dup2 a file over a descriptor and write through it. *)
  let file = "unix_misc.tmp" in
  let fd = Unix.openfile file [ Unix.O_RDWR; Unix.O_CREAT; Unix.O_TRUNC ] 0o644 in
  let fd2 = Unix.dup fd in
  Unix.dup2 fd fd2;
  ignore (Unix.write_substring fd2 "via dup2" 0 8);
  Printf.printf "shared offset: %d\n" (Unix.lseek fd 0 Unix.SEEK_CUR);
  Unix.close fd2;
  Unix.close fd;
  Printf.printf "file size: %d\n" (Unix.stat file).st_size;
  Unix.unlink file;
  Unix.putenv "CORPUS_PUTENV" "set by putenv";
  Printf.printf "putenv then getenv: %s, environment has it: %b\n" (Sys.getenv "CORPUS_PUTENV")
    (Array.exists (fun s -> s = "CORPUS_PUTENV=set by putenv") (Unix.environment ()));
  Printf.printf "isatty on a file: %b\n"
    (let fd = Unix.openfile "unix_misc.tty" [ Unix.O_CREAT; Unix.O_RDWR ] 0o600 in
     let t = Unix.isatty fd in Unix.close fd; Unix.unlink "unix_misc.tty"; t)

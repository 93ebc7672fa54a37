(* The event syscalls through OCaml's Unix library: pipes, select with
   timeouts, end of file on a pipe with no writer, EPIPE on one with no
   reader, EBADF for closed and out-of-range fds, non-blocking writes
   filling a pipe, and a long select that run.sh times against a busy
   loop as long (the kernel must halt meanwhile).  tests/events/run.sh
   builds it for Linux and as an image; both must print the same bytes
   and end with status 0. *)

let say fmt = Printf.printf (fmt ^^ "\n%!")

let error_name = function
  | Unix.EBADF -> "EBADF"
  | Unix.EAGAIN -> "EAGAIN"
  | Unix.EPIPE -> "EPIPE"
  | Unix.EINVAL -> "EINVAL"
  | e -> Unix.error_message e

(* Runs f and prints its result or the Unix error it raised. *)
let attempt what f =
  match f () with
  | v -> say "%s: %s" what v
  | exception Unix.Unix_error (e, fn, _) ->
      say "%s: %s from %s" what (error_name e) fn

let bad_fd (n : int) : Unix.file_descr = Obj.magic n

(* select on named fds; prints the ready names in the order given, and
   whether the call took at least [at_least] seconds. *)
let select ?(at_least = 0.) names rd wr timeout =
  let name fd = List.assoc fd names in
  let t0 = Unix.gettimeofday () in
  let r, w, _ = Unix.select rd wr [] timeout in
  let took = Unix.gettimeofday () -. t0 in
  Printf.sprintf "read [%s] write [%s]%s"
    (String.concat " " (List.map name r))
    (String.concat " " (List.map name w))
    (if at_least > 0. then
       Printf.sprintf ", waited %g s or more: %b" at_least
         (took >= at_least *. 0.98)
     else "")

let pipes_and_select () =
  let r, w = Unix.pipe () in
  let names = [ (r, "r"); (w, "w") ] in
  attempt "empty pipe, timeout 0" (fun () -> select names [ r ] [ w ] 0.);
  attempt "empty pipe, timeout 0.2"
    (fun () -> select ~at_least:0.2 names [ r ] [] 0.2);
  attempt "no fds, timeout 0.3"
    (fun () -> select ~at_least:0.3 names [] [] 0.3);
  attempt "write" (fun () ->
      string_of_int (Unix.write_substring w "hello" 0 5));
  attempt "after a write" (fun () -> select names [ r ] [ w ] (-1.));
  let buf = Bytes.create 100 in
  attempt "read 3" (fun () ->
      let n = Unix.read r buf 0 3 in
      Bytes.sub_string buf 0 n);
  attempt "read the rest" (fun () ->
      let n = Unix.read r buf 0 100 in
      Bytes.sub_string buf 0 n);
  (* Many pipes: only those written to are ready, in the order asked. *)
  let ps = List.init 5 (fun _ -> Unix.pipe ()) in
  let names = List.mapi (fun i (r, _) -> (r, Printf.sprintf "r%d" i)) ps in
  List.iteri
    (fun i (_, w) ->
      if i = 1 || i = 3 then ignore (Unix.write_substring w "x" 0 1))
    ps;
  attempt "five pipes" (fun () ->
      select names (List.rev_map fst ps) [] 1.);
  List.iter (fun (r, w) -> Unix.close r; Unix.close w) ps;
  (* A closed write end: what is left, then end of file, readable. *)
  ignore (Unix.write_substring w "bye" 0 3);
  Unix.close w;
  attempt "read after the writer closed" (fun () ->
      let n = Unix.read r buf 0 100 in
      Bytes.sub_string buf 0 n);
  attempt "select at end of file"
    (fun () -> select [ (r, "r") ] [ r ] [] 5.);
  attempt "read at end of file" (fun () ->
      match Unix.read r buf 0 100 with
      | 0 -> "end of file"
      | n -> string_of_int n);
  Unix.close r

let full_pipe () =
  let r, w = Unix.pipe () in
  Unix.set_nonblock w;
  let chunk = Bytes.make 1000 'z' in
  let rec fill n =
    match Unix.single_write w chunk 0 1000 with
    | _ -> fill (n + 1)
    | exception Unix.Unix_error (Unix.EAGAIN, _, _) -> n
  in
  say "writes of 1000 bytes that fit: %d" (fill 0);
  attempt "select on a full pipe"
    (fun () -> select [ (r, "r"); (w, "w") ] [ r ] [ w ] 0.);
  let buf = Bytes.create 70000 in
  attempt "read 5000" (fun () -> string_of_int (Unix.read r buf 0 5000));
  attempt "write 1000 after a read" (fun () ->
      string_of_int (Unix.single_write w chunk 0 1000));
  attempt "read all" (fun () -> string_of_int (Unix.read r buf 0 70000));
  Unix.set_nonblock r;
  attempt "read empty, non-blocking" (fun () ->
      string_of_int (Unix.read r buf 0 1));
  Unix.clear_nonblock w;
  let big = Bytes.init 65536 (fun i -> Char.chr (i * 7 mod 256)) in
  attempt "write 64 KiB, blocking" (fun () ->
      string_of_int (Unix.write w big 0 65536));
  let rec drain acc =
    match Unix.read r buf 0 70000 with
    | n -> drain (Buffer.add_subbytes acc buf 0 n; acc)
    | exception Unix.Unix_error (Unix.EAGAIN, _, _) -> acc
  in
  let got = Buffer.contents (drain (Buffer.create 65536)) in
  say "read back %d bytes, same: %b" (String.length got)
    (got = Bytes.to_string big);
  Unix.close r;
  attempt "write with no reader" (fun () ->
      string_of_int (Unix.write_substring w "x" 0 1));
  Unix.close w

let bad_fds () =
  let r, w = Unix.pipe () in
  Unix.close w;
  let buf = Bytes.create 10 in
  attempt "read a closed fd" (fun () -> string_of_int (Unix.read w buf 0 1));
  attempt "read fd 5000" (fun () ->
      string_of_int (Unix.read (bad_fd 5000) buf 0 1));
  attempt "write fd -1" (fun () ->
      string_of_int (Unix.write (bad_fd (-1)) buf 0 1));
  attempt "fstat a closed fd" (fun () ->
      string_of_int (Unix.fstat w).Unix.st_size);
  attempt "close a closed fd" (fun () -> Unix.close w; "closed");
  attempt "select on a closed fd" (fun () ->
      select [ (r, "r") ] [ r; w ] [] 0.);
  attempt "select on fd 5000" (fun () ->
      select [ (r, "r") ] [ bad_fd 5000 ] [] 0.);
  attempt "pipe's kind" (fun () ->
      match (Unix.fstat r).Unix.st_kind with
      | Unix.S_FIFO -> "fifo"
      | _ -> "not a fifo");
  Unix.close r

(* run.sh reads QEMU's CPU time when each phase's lines appear. *)
let long_wait () =
  let r, w = Unix.pipe () in
  say "spin: start";
  let t0 = Unix.gettimeofday () in
  while Unix.gettimeofday () -. t0 < 2. do () done;
  say "spin: end";
  say "select: start";
  let t0 = Unix.gettimeofday () in
  let ready, _, _ = Unix.select [ r ] [] [] 2. in
  let took = Unix.gettimeofday () -. t0 in
  say "select: end, nothing ready: %b, 2 s or more: %b" (ready = [])
    (took >= 1.96);
  (* Time for run.sh to read QEMU's figures before it exits. *)
  Unix.sleepf 1.;
  Unix.close r;
  Unix.close w

let () =
  Sys.set_signal Sys.sigpipe Sys.Signal_ignore;
  pipes_and_select ();
  full_pipe ();
  bad_fds ();
  long_wait ();
  attempt "stdout writable"
    (fun () -> select [ (Unix.stdout, "stdout") ] [] [ Unix.stdout ] 0.);
  say "done"

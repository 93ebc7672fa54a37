(* Tests of the Soil library: the key decoder and colours, the event loop's
   timers and descriptor waits, descriptors, files and machine facts. The
   same program runs on Linux and as an image (tests/soil/run.sh) and must
   print the same lines there: nothing printed depends on timing or on the
   machine. Prints "ok NAME" or "FAIL NAME: why" per check, then
   "test_soil: N passed, M failed"; exits 1 when a check failed. *)

open Soil

let passed = ref 0
let failed = ref 0

let check name ok detail =
  if ok then begin
    incr passed;
    Printf.printf "ok   %s\n%!" name
  end
  else begin
    incr failed;
    Printf.printf "FAIL %s: %s\n%!" name (detail ())
  end

(* --- the key decoder --- *)

let show_keys keys = String.concat " " (List.map Console.Key.to_string keys)

let decodes ?final name bytes keys rest =
  let got, left = Console.Key.decode ?final bytes in
  check ("keys " ^ name)
    (got = keys && left = rest)
    (fun () ->
      Printf.sprintf "%S gave [%s] and %S, not [%s] and %S" bytes
        (show_keys got) left (show_keys keys) rest)

let test_keys () =
  let open Console.Key in
  decodes "printable" "aZ~ " [ Char 'a'; Char 'Z'; Char '~'; Char ' ' ] "";
  decodes "utf-8 bytes" "\xc3\xa9" [ Char '\xc3'; Char '\xa9' ] "";
  decodes "enter, tab, backspace" "\r\n\t\127" [ Enter; Enter; Tab; Backspace ] "";
  decodes "control letters" "\001\003\004\008\026"
    [ Ctrl 'a'; Ctrl 'c'; Ctrl 'd'; Ctrl 'h'; Ctrl 'z' ] "";
  decodes "other controls" "\000\028\029\030\031"
    [ Ctrl '@'; Ctrl '\\'; Ctrl ']'; Ctrl '^'; Ctrl '_' ] "";
  decodes "csi arrows" "\027[A\027[B\027[C\027[D" [ Up; Down; Right; Left ] "";
  decodes "ss3 arrows" "\027OA\027OB\027OC\027OD" [ Up; Down; Right; Left ] "";
  decodes "home end" "\027[H\027[F\027OH\027OF\027[1~\027[4~\027[7~\027[8~"
    [ Home; End; Home; End; Home; End; Home; End ] "";
  decodes "insert delete pages" "\027[2~\027[3~\027[5~\027[6~"
    [ Insert; Delete; Page_up; Page_down ] "";
  decodes "f1-f4 ss3" "\027OP\027OQ\027OR\027OS" [ F 1; F 2; F 3; F 4 ] "";
  decodes "f5-f12"
    "\027[15~\027[17~\027[18~\027[19~\027[20~\027[21~\027[23~\027[24~"
    [ F 5; F 6; F 7; F 8; F 9; F 10; F 11; F 12 ] "";
  decodes "linux console f1-f5" "\027[[A\027[[B\027[[C\027[[D\027[[E"
    [ F 1; F 2; F 3; F 4; F 5 ] "";
  decodes "modifiers ignored" "\027[1;5A\027[3;2~\027[1;2P" [ Up; Delete; F 1 ] "";
  decodes "unknown sequences" "\027[99~\027[Z\027Oz\027[[Z"
    [ Unknown "\027[99~"; Unknown "\027[Z"; Unknown "\027Oz"; Unknown "\027[[Z" ]
    "";
  decodes "malformed sequence" "\027[1\n" [ Unknown "\027[1"; Enter ] "";
  decodes "overlong sequence"
    ("\027[" ^ String.make 40 '1')
    (Unknown ("\027[" ^ String.make 30 '1') :: List.init 10 (fun _ -> Char '1'))
    "";
  decodes "escape then char" "\027x" [ Escape; Char 'x' ] "";
  decodes "escape then arrow" "\027\027[A" [ Escape; Up ] "";
  decodes "unfinished esc" "a\027" [ Char 'a' ] "\027";
  decodes "unfinished csi" "\027[1;5" [] "\027[1;5";
  decodes "unfinished ss3" "\027O" [] "\027O";
  decodes "unfinished linux" "\027[[" [] "\027[[";
  decodes ~final:true "final esc" "a\027" [ Char 'a'; Escape ] "";
  decodes ~final:true "final csi" "\027[1" [ Escape; Char '['; Char '1' ] "";
  decodes "empty" "" [] "";
  (* Bytes arriving in two reads decode as they do in one. *)
  let stream = "ab\027[A\027OP\027[15~\027[[C\027[1;5D\r\003\027[3~x" in
  let whole, _ = decode stream in
  let split_ok at =
    let first, rest = decode (String.sub stream 0 at) in
    let second, left =
      decode (rest ^ String.sub stream at (String.length stream - at))
    in
    first @ second = whole && left = ""
  in
  let bad = List.filter (fun at -> not (split_ok at)) (List.init 30 Fun.id) in
  check "keys split anywhere" (bad = []) (fun () ->
      "differs when split at "
      ^ String.concat "," (List.map string_of_int bad));
  let names =
    List.map to_string
      [ Char 'a'; Ctrl 'c'; Ctrl '\\'; Up; F 5; Page_down; Unknown "\027[99~" ]
  in
  check "key names"
    (names = [ "a"; "Ctrl-C"; "Ctrl-\\"; "Up"; "F5"; "Page_down"; "Unknown ESC[99~" ])
    (fun () -> String.concat "|" names)

(* --- colours --- *)

let styles name got want =
  check ("styled " ^ name) (got = want) (fun () ->
      Printf.sprintf "%S, not %S" got want)

let test_colours () =
  let open Console in
  styles "plain" (styled "x") "x";
  styles "red" (styled ~foreground:Red "x") "\027[31mx\027[0m";
  styles "all"
    (styled ~bold:true ~underline:true ~foreground:(Bright Green)
       ~background:Default "x")
    "\027[1;4;92;49mx\027[0m";
  styles "bright background"
    (styled ~background:(Bright (Bright White)) "x")
    "\027[107mx\027[0m";
  styles "bright default" (styled ~foreground:(Bright Default) "x")
    "\027[39mx\027[0m"

(* --- the event loop --- *)

let elapsed_since start = Time.monotonic () -. start

let test_timer_order () =
  let order = ref [] and early = ref [] in
  let timer name seconds =
    let start = Time.monotonic () in
    Lwt.map
      (fun () ->
        if elapsed_since start < seconds then early := name :: !early;
        order := name :: !order)
      (Time.sleep seconds)
  in
  (* Made one after the other (a list's elements are evaluated last
     first), 0.15 s apart so that a pause between two of them (TCG
     translating code on a busy host) cannot change their order. *)
  let a = timer "a" 0.45 in
  let b = timer "b" 0. in
  let c = timer "c" 0.3 in
  let d = timer "d" 0.15 in
  let e = timer "e" 0.3 in
  run (Lwt.join [ a; b; c; d; e ]);
  let order = String.concat "" (List.rev !order) in
  check "timers fire by deadline" (order = "bdcea") (fun () -> "order " ^ order);
  check "timers never fire early" (!early = []) (fun () ->
      String.concat "," !early ^ " fired early")

let test_timer_cancel () =
  let start = Time.monotonic () in
  let winner =
    run
      (Lwt.pick
         [
           Lwt.map (fun () -> "slow") (Time.sleep 0.3);
           Lwt.map (fun () -> "fast") (Time.sleep 0.01);
         ])
  in
  let took = elapsed_since start in
  check "pick takes the earlier timer" (winner = "fast") (fun () -> winner);
  check "pick returns before the later timer" (took < 0.3) (fun () ->
      Printf.sprintf "took %.3f s" took);
  (* The cancelled timer must be gone: were it left, a run with nothing
     else to wait for would wait for it before giving up. *)
  let start = Time.monotonic () in
  let stuck =
    match run (fst (Lwt.wait ())) with
    | () -> "returned"
    | exception Failure _ -> "Failure"
  in
  let took = elapsed_since start in
  check "a cancelled timer is removed" (stuck = "Failure" && took < 0.2)
    (fun () -> Printf.sprintf "%s after %.3f s" stuck took)

let test_nested_timers () =
  let steps = ref [] in
  let note s = steps := s :: !steps in
  run
    (Lwt.bind (Time.sleep 0.01) (fun () ->
         note "outer";
         Lwt.bind (Time.sleep 0.) (fun () ->
             note "inner";
             Lwt.map (fun () -> note "paused") (Lwt.pause ()))));
  let steps = String.concat "," (List.rev !steps) in
  check "timers made by timers" (steps = "outer,inner,paused") (fun () -> steps)

let test_run_results () =
  let failed =
    match run (Lwt.fail Exit) with () -> "returned" | exception Exit -> "Exit"
  in
  check "run raises the promise's exception" (failed = "Exit") (fun () -> failed);
  let stuck =
    match run (fst (Lwt.wait ())) with
    | () -> "returned"
    | exception Failure _ -> "Failure"
  in
  check "run refuses a promise nothing can resolve" (stuck = "Failure")
    (fun () -> stuck);
  let nested =
    run
      (Lwt.map
         (fun () ->
           match run (Lwt.return 1) with
           | _ -> "ran"
           | exception Failure _ -> "Failure")
         (Time.sleep 0.))
  in
  check "run refuses to nest" (nested = "Failure") (fun () -> nested);
  check "run after a refusal" (run (Lwt.return 7) = 7) (fun () -> "not 7")

let test_descriptor_waits () =
  let r, w = File_descriptor.pipe () in
  let buf = Bytes.create 16 in
  let start = Time.monotonic () in
  let reader =
    Lwt.map
      (fun n -> (Bytes.sub_string buf 0 n, elapsed_since start))
      (File_descriptor.read_async r buf)
  in
  let writer =
    Lwt.bind (Time.sleep 0.05) (fun () ->
        File_descriptor.write_string_async w "hi")
  in
  let got, after = run (Lwt.both reader writer |> Lwt.map fst) in
  check "a reader waits for the writer" (got = "hi" && after >= 0.05) (fun () ->
      Printf.sprintf "read %S after %.3f s" got after);
  run (File_descriptor.wait_writable w);
  check "an empty pipe is writable" true (fun () -> "");
  File_descriptor.close w;
  let n = run (File_descriptor.read_async r buf) in
  check "a pipe without writers reads the end" (n = 0) (fun () ->
      Printf.sprintf "read %d bytes" n);
  let r2, w2 = File_descriptor.pipe () in
  let waiting = File_descriptor.wait_readable r2 in
  File_descriptor.close r2;
  let closed =
    match run waiting with
    | () -> "resolved"
    | exception Unix.Unix_error (Unix.EBADF, _, _) -> "EBADF"
    | exception e -> Printexc.to_string e
  in
  check "waiting on a closed descriptor fails" (closed = "EBADF") (fun () ->
      closed);
  (* A wait cancelled before it resolved leaves nothing behind. *)
  let cancelled = File_descriptor.wait_readable r in
  Lwt.cancel cancelled;
  run (Time.sleep 0.);
  check "a cancelled wait is removed" (Lwt.state cancelled = Lwt.Fail Lwt.Canceled)
    (fun () -> "still pending");
  List.iter File_descriptor.close [ r; w2 ]

(* --- descriptors, files, the machine --- *)

let test_descriptors () =
  let r, w = File_descriptor.pipe () in
  let n = File_descriptor.write ~pos:1 ~len:3 w (Bytes.of_string "xabcx") in
  let buf = Bytes.make 8 '.' in
  let got = File_descriptor.read ~pos:2 r buf in
  check "write and read spans" (n = 3 && got = 3 && Bytes.to_string buf = "..abc...")
    (fun () -> Printf.sprintf "wrote %d, read %d: %S" n got (Bytes.to_string buf));
  let bad_span =
    match File_descriptor.read ~pos:6 ~len:3 r buf with
    | _ -> "read"
    | exception Invalid_argument _ -> "Invalid_argument"
  in
  check "a span outside the buffer" (bad_span = "Invalid_argument") (fun () ->
      bad_span);
  File_descriptor.set_nonblock r true;
  let empty =
    match File_descriptor.read r buf with
    | n -> Printf.sprintf "read %d" n
    | exception Unix.Unix_error ((Unix.EAGAIN | Unix.EWOULDBLOCK), _, _) ->
        "EAGAIN"
  in
  check "non-blocking read of an empty pipe" (empty = "EAGAIN") (fun () -> empty);
  File_descriptor.set_nonblock r false;
  File_descriptor.write_string w "end";
  File_descriptor.close w;
  let n = File_descriptor.read r buf in
  check "blocking again" (n = 3) (fun () -> string_of_int n);
  File_descriptor.close r;
  check "unix round trip"
    (File_descriptor.to_unix (File_descriptor.of_unix Unix.stdout) = Unix.stdout
    && File_descriptor.to_unix File_descriptor.stderr = Unix.stderr)
    (fun () -> "different descriptors")

let test_filesystem () =
  let dir = Printf.sprintf "/tmp/test_soil.%d" (Unix.getpid ()) in
  let path name = Filename.concat dir name in
  Filesystem.make_directory dir;
  Filesystem.write_file (path "b") "first";
  Filesystem.write_file (path "b") "second, longer";
  Filesystem.write_file (path "a") (String.make 100_000 'z');
  Filesystem.make_directory (path "c");
  check "write then read" (Filesystem.read_file (path "b") = "second, longer")
    (fun () -> Filesystem.read_file (path "b"));
  check "a large file" (Filesystem.read_file (path "a") = String.make 100_000 'z')
    (fun () -> "different content");
  check "list a directory" (Filesystem.list_directory dir = [ "a"; "b"; "c" ])
    (fun () -> String.concat "," (Filesystem.list_directory dir));
  let missing =
    match Filesystem.read_file (path "nothing") with
    | _ -> "read"
    | exception Unix.Unix_error (Unix.ENOENT, _, _) -> "ENOENT"
  in
  check "reading a missing file" (missing = "ENOENT") (fun () -> missing);
  let full =
    match Filesystem.remove dir with
    | () -> "removed"
    | exception Unix.Unix_error (Unix.ENOTEMPTY, _, _) -> "ENOTEMPTY"
  in
  check "a full directory stays" (full = "ENOTEMPTY") (fun () -> full);
  List.iter (fun name -> Filesystem.remove (path name)) [ "a"; "b"; "c" ];
  Filesystem.remove dir;
  check "remove files and directories" (not (Sys.file_exists dir)) (fun () ->
      dir ^ " is still there")

let test_machine () =
  let m = Machine.memory () in
  check "memory facts" (m.total > 0 && m.free > 0 && m.free <= m.total)
    (fun () -> Printf.sprintf "total %d, free %d" m.total m.free);
  let up = Machine.uptime () in
  check "uptime" (up > 0.) (fun () -> Printf.sprintf "%f" up);
  let t0 = Time.monotonic () in
  let t1 = Time.monotonic () in
  check "monotonic" (t1 >= t0 && t0 > 0.) (fun () ->
      Printf.sprintf "%f then %f" t0 t1);
  check "wall clock after 2020" (Time.now () > 1.577e9) (fun () ->
      Printf.sprintf "%f" (Time.now ()))

(* Runs a group of checks; an exception ends the group as one failure, and
   the other groups still run. *)
let group name test =
  try test ()
  with e -> check name false (fun () -> "raised " ^ Printexc.to_string e)

let () =
  group "keys" test_keys;
  group "colours" test_colours;
  group "timer order" test_timer_order;
  group "timer cancel" test_timer_cancel;
  group "nested timers" test_nested_timers;
  group "run results" test_run_results;
  group "descriptor waits" test_descriptor_waits;
  group "descriptors" test_descriptors;
  group "filesystem" test_filesystem;
  group "machine" test_machine;
  Printf.printf "test_soil: %d passed, %d failed\n" !passed !failed;
  (* In an image (process 1) a good run ends by restarting the machine,
     which terrarium run reports ("the guest reset", status 125); a reboot
     that failed would raise (status 2). Never tried on Linux, where it
     would restart the host if Soil's process 1 check were wrong. *)
  if !failed = 0 && Unix.getpid () = 1 then Machine.reboot ();
  exit (if !failed = 0 then 0 else 1)

(* tty raw: the terminal's raw mode through Unix.tcsetattr.  Checks the
   VMIN = 0 reads (at once, and after VTIME) and that select sees no
   input, then waits in select and prints the bytes of each read in hex
   until a q comes; then one read with VMIN 3, one with VMIN 2 and VTIME
   (one key: the gap ends it); back in canonical mode it prints one line
   in brackets, and then waits for a line it never gets: Ctrl-C ends it
   by SIGINT's default action.  tests/tty/run.sh types on it. *)

let buf = Bytes.create 64

let read_hex () =
  (match Unix.select [ Unix.stdin ] [] [] (-1.0) with
  | [ _ ], _, _ -> ()
  | _ -> print_string "select: woke with nothing\n");
  let n = Unix.read Unix.stdin buf 0 64 in
  let hex = List.init n (fun i -> Printf.sprintf "%02x" (Char.code (Bytes.get buf i))) in
  Printf.printf "keys: %s\n%!" (String.concat " " hex);
  Bytes.sub_string buf 0 n

let () =
  let saved = Unix.tcgetattr Unix.stdin in
  let raw =
    { saved with
      Unix.c_icanon = false; c_echo = false; c_isig = false; c_icrnl = false;
      c_ixon = false; c_opost = false; c_vmin = 1; c_vtime = 0 }
  in
  Unix.tcsetattr Unix.stdin Unix.TCSAFLUSH { raw with Unix.c_vmin = 0 };
  Printf.printf "vmin0: %d\n%!" (Unix.read Unix.stdin buf 0 64);
  Unix.tcsetattr Unix.stdin Unix.TCSANOW { raw with Unix.c_vmin = 0; c_vtime = 3 };
  let t0 = Unix.gettimeofday () in
  let n = Unix.read Unix.stdin buf 0 64 in
  let dt = Unix.gettimeofday () -. t0 in
  Printf.printf "vtime: %d after %s\n%!" n
    (if dt >= 0.29 && dt < 0.6 then "0.3 s" else Printf.sprintf "%.3f s" dt);
  Unix.tcsetattr Unix.stdin Unix.TCSADRAIN raw;
  let now = Unix.tcgetattr Unix.stdin in
  let readable, _, _ = Unix.select [ Unix.stdin ] [] [] 0.1 in
  Printf.printf "raw: ready, icanon %b echo %b isig %b vmin %d, select %d\n%!"
    now.Unix.c_icanon now.Unix.c_echo now.Unix.c_isig now.Unix.c_vmin
    (List.length readable);
  let rec keys () = if not (String.contains (read_hex ()) 'q') then keys () in
  keys ();
  Unix.tcsetattr Unix.stdin Unix.TCSANOW { raw with Unix.c_vmin = 3 };
  print_string "vmin3: ready\n";
  flush stdout;
  ignore (read_hex ());
  Unix.tcsetattr Unix.stdin Unix.TCSANOW { raw with Unix.c_vmin = 2; c_vtime = 5 };
  print_string "gap: ready\n";
  flush stdout;
  ignore (read_hex ());
  Unix.tcsetattr Unix.stdin Unix.TCSANOW saved;
  print_string "raw: canonical again\n";
  flush stdout;
  Printf.printf "[%s]\n%!" (input_line stdin);
  ignore (input_line stdin);
  print_string "raw: not interrupted\n"

(* unix_files: file system calls through Unix, relative to the working
   directory: mkdir, openfile with flags, write/read/lseek, single_write,
   O_APPEND/O_EXCL/O_TRUNC, stat/fstat/lstat, rename, ftruncate, readdir
   (sorted), access, unlink, rmdir, and the errors Unix_error carries. *)
let dir = "unix_files.d"

let err f = match f () with
  | _ -> "ok"
  | exception Unix.Unix_error (e, fn, _) ->
    let name = match e with
      | Unix.ENOENT -> "ENOENT" | Unix.EEXIST -> "EEXIST" | Unix.ENOTDIR -> "ENOTDIR"
      | Unix.EISDIR -> "EISDIR" | Unix.ENOTEMPTY -> "ENOTEMPTY" | Unix.EBADF -> "EBADF"
      | Unix.EINVAL -> "EINVAL" | Unix.EACCES -> "EACCES" | _ -> "other"
    in
    name ^ " from " ^ fn

let kind = function
  | Unix.S_REG -> "file" | Unix.S_DIR -> "dir" | Unix.S_LNK -> "link" | _ -> "other"

let () =
  ignore (Unix.umask 0o022);
  Unix.mkdir dir 0o755;
  Printf.printf "mkdir again: %s\n" (err (fun () -> Unix.mkdir dir 0o755));
  let path = Filename.concat dir "data.txt" in
  let fd = Unix.openfile path [ Unix.O_RDWR; Unix.O_CREAT; Unix.O_TRUNC ] 0o644 in
  let msg = Bytes.of_string "Hello, Terrarium file system!\n" in
  let n = Unix.write fd msg 0 (Bytes.length msg) in
  Printf.printf "wrote %d\n" n;
  let e = Unix.lseek fd 0 Unix.SEEK_END in
  let s = Unix.lseek fd 7 Unix.SEEK_SET in
  let c = Unix.lseek fd 2 Unix.SEEK_CUR in
  Printf.printf "lseek end: %d, set: %d, cur: %d\n" e s c;
  let buf = Bytes.create 64 in
  let r = Unix.read fd buf 0 64 in
  Printf.printf "read %d: %S\n" r (Bytes.sub_string buf 0 r);
  Printf.printf "read at EOF: %d\n" (Unix.read fd buf 0 64);
  ignore (Unix.lseek fd 100 Unix.SEEK_SET);
  ignore (Unix.single_write_substring fd "X" 0 1);
  let st = Unix.fstat fd in
  Printf.printf "fstat: size %d, kind %s, perm %o, nlink %d\n" st.st_size (kind st.st_kind)
    (st.st_perm land 0o777) st.st_nlink;
  ignore (Unix.lseek fd 40 Unix.SEEK_SET);
  let hole = Bytes.make 4 '?' in
  ignore (Unix.read fd hole 0 4);
  Printf.printf "hole reads zeros: %b\n" (Bytes.for_all (fun c -> c = '\000') hole);
  Unix.ftruncate fd 5;
  Printf.printf "after ftruncate: %d\n" (Unix.fstat fd).st_size;
  Unix.close fd;
  Printf.printf "close twice: %s\n" (err (fun () -> Unix.close fd));
  let fd = Unix.openfile path [ Unix.O_WRONLY; Unix.O_APPEND ] 0 in
  ignore (Unix.write_substring fd "+appended" 0 9);
  Unix.close fd;
  let ic = open_in path in
  Printf.printf "content: %S\n" (input_line ic);
  close_in ic;
  Printf.printf "O_EXCL on existing: %s\n"
    (err (fun () -> Unix.openfile path [ Unix.O_WRONLY; Unix.O_CREAT; Unix.O_EXCL ] 0o644));
  Printf.printf "open missing: %s\n" (err (fun () -> Unix.openfile (Filename.concat dir "nope") [ Unix.O_RDONLY ] 0));
  Printf.printf "open dir for writing: %s\n" (err (fun () -> Unix.openfile dir [ Unix.O_WRONLY ] 0));
  let moved = Filename.concat dir "moved.txt" in
  Unix.rename path moved;
  Printf.printf "after rename: old %s, new size %d\n" (err (fun () -> Unix.stat path)) (Unix.stat moved).st_size;
  Unix.mkdir (Filename.concat dir "sub") 0o700;
  List.iter (fun n -> let fd = Unix.openfile (Filename.concat dir n) [ Unix.O_CREAT; Unix.O_WRONLY ] 0o600 in
              Unix.close fd) [ "b"; "a"; "c" ];
  let d = Unix.opendir dir in
  let rec entries acc = match Unix.readdir d with
    | e -> entries (e :: acc)
    | exception End_of_file -> acc in
  let es = List.sort compare (entries []) in
  Unix.closedir d;
  Printf.printf "readdir: %s\n" (String.concat " " es);
  Printf.printf "stat kinds: %s %s, sub perm %o\n" (kind (Unix.stat dir).st_kind)
    (kind (Unix.lstat moved).st_kind) ((Unix.stat (Filename.concat dir "sub")).st_perm land 0o777);
  Printf.printf "access R_OK: %s, missing: %s\n" (err (fun () -> Unix.access moved [ Unix.R_OK ]))
    (err (fun () -> Unix.access (Filename.concat dir "nope") [ Unix.F_OK ]));
  Printf.printf "rmdir non-empty: %s\n" (err (fun () -> Unix.rmdir dir));
  Printf.printf "unlink dir: %s\n" (err (fun () -> Unix.unlink (Filename.concat dir "sub")));
  List.iter (fun n -> Unix.unlink (Filename.concat dir n)) [ "a"; "b"; "c"; "moved.txt" ];
  Unix.rmdir (Filename.concat dir "sub");
  Unix.rmdir dir;
  Printf.printf "cleaned: %b\n" (not (Sys.file_exists dir));
  Printf.printf "stat through a file: %s\n" (err (fun () -> Unix.stat "unix_files.ml/x"))

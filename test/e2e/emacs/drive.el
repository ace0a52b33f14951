;;; drive.el --- drive Eglot against dist/server.js in `emacs --batch'  -*- lexical-binding: t -*-
;; Opens the fixture file in js-mode (Emacs 28 has no TypeScript mode; Eglot then sends languageId "js", as users'
;; setups do), connects Eglot, waits for Flymake to show the diagnostics, runs one quick fix through Eglot's own
;; code-action path, saves, and writes what Emacs showed to a JSON file. Assertions live in run-emacs.mjs so every
;; editor meets the same expectations.
;; Then a YAML OpenAPI spec opens in `yaml-mode' (a stand-in for the ELPA package, which Debian's Emacs 28 lacks:
;; Eglot sends languageId "yaml" as it would with the real one), managed by the same server through
;; `eglot-server-programs', and its Flymake diagnostics are recorded too.
;; Inputs (environment): APIGUARD_SERVER, APIGUARD_FILE, APIGUARD_ROOT, APIGUARD_FIX_TITLE, APIGUARD_FIX_LINE,
;; APIGUARD_FIX_CHARACTER, APIGUARD_EXPECTED_COUNT, APIGUARD_SPEC_FILE, APIGUARD_SPEC_EXPECTED_COUNT, APIGUARD_RESULT.

(require 'eglot)
(require 'json)
(require 'cl-lib)

(defun apiguard-env (name)
  (let ((value (getenv name)))
    (when (or (null value) (string-empty-p value)) (error "missing environment variable %s" name))
    value))

(defvar apiguard-result (list (cons 'log [])))

(defun apiguard-note (message)
  (setf (alist-get 'log apiguard-result) (vconcat (alist-get 'log apiguard-result) (list message))))

(defun apiguard-wait-for (what seconds condition)
  "Pump process output and timers until CONDITION holds, or fail naming WHAT."
  (let ((deadline (+ (float-time) seconds)))
    (while (not (funcall condition))
      (when (> (float-time) deadline) (error "timed out after %ss waiting for %s" seconds what))
      (accept-process-output nil 0.05))))

(defun apiguard-position (point)
  "POINT as (line character), 0-based; the fixture is ASCII, so characters equal LSP's UTF-16 units."
  (save-excursion
    (goto-char point)
    (list (1- (line-number-at-pos)) (- point (line-beginning-position)))))

(defun apiguard-shown-diagnostics ()
  "Flymake's diagnostics in this buffer, as shown: Eglot renders the text as \"source [code]: message\"."
  (let ((shown (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
    (vconcat
     (mapcar (lambda (diagnostic)
               (list (cons 'text (flymake-diagnostic-text diagnostic))
                     (cons 'type (symbol-name (flymake-diagnostic-type diagnostic)))
                     (cons 'range (vconcat (apiguard-position (flymake-diagnostic-beg diagnostic))
                                           (apiguard-position (flymake-diagnostic-end diagnostic))))))
             shown))))

(unless (fboundp 'yaml-mode)
  (define-derived-mode yaml-mode text-mode "YAML" "Stand-in for the yaml-mode package."))

(defun apiguard-finish (exit-code)
  (with-temp-file (apiguard-env "APIGUARD_RESULT")
    (insert (json-encode apiguard-result)))
  (kill-emacs exit-code))

(condition-case err
    (let* ((server (apiguard-env "APIGUARD_SERVER"))
           (file (apiguard-env "APIGUARD_FILE"))
           (expected-count (string-to-number (apiguard-env "APIGUARD_EXPECTED_COUNT")))
           (fix-title (apiguard-env "APIGUARD_FIX_TITLE")))
      ;; The workspace is not a VCS checkout, so project.el would pick the file's folder; root it as a user's repo is.
      (add-hook 'project-find-functions (lambda (_dir) (cons 'transient (file-name-as-directory (apiguard-env "APIGUARD_ROOT")))))
      ;; One server for scripts and specs, as the README's Eglot notes set it up.
      (setq eglot-server-programs `(((js-mode yaml-mode) . ("node" ,server "--stdio"))))
      (setq eglot-sync-connect 20 eglot-connect-timeout 20 eglot-autoshutdown nil)
      (find-file file)
      (js-mode)
      (let ((buffer (current-buffer)))
        (apply #'eglot (eglot--guess-contact))
        (apiguard-wait-for "Eglot to connect" 20 (lambda () (eglot-current-server)))
        (apiguard-note "connected")
        ;; Flymake asks Eglot's backend for diagnostics only once it has started; in batch nothing else starts it.
        (apiguard-wait-for (format "%d diagnostics" expected-count) 30
                           (lambda ()
                             (with-current-buffer buffer
                               (unless (flymake-running-backends) (flymake-start))
                               (>= (length (flymake-diagnostics)) expected-count))))
        (setf (alist-get 'diagnostics apiguard-result) (apiguard-shown-diagnostics))

        ;; Point on the finding to fix, then Eglot's own code-action path: request, pick by title, execute.
        (goto-char (point-min))
        (forward-line (string-to-number (apiguard-env "APIGUARD_FIX_LINE")))
        (forward-char (string-to-number (apiguard-env "APIGUARD_FIX_CHARACTER")))
        (let* ((server-object (eglot-current-server))
               (actions (eglot-code-actions (point) (1+ (point)) "quickfix"))
               (chosen (cl-find fix-title actions :key (lambda (action) (plist-get action :title)) :test #'equal)))
          (setf (alist-get 'offered apiguard-result) (vconcat (mapcar (lambda (action) (plist-get action :title)) actions)))
          (unless chosen (error "no code action titled %S" fix-title))
          ;; The fix is a command: the server writes .env, then sends workspace/applyEdit for the code, which
          ;; Eglot confirms with y-or-n-p (eglot-confirm-server-initiated-edits). Answer yes, as the user would,
          ;; and record the prompt: it must name the fixture file only (the server already wrote the disk).
          (cl-letf (((symbol-function 'y-or-n-p)
                     (lambda (prompt)
                       (push prompt (alist-get 'edit_prompts apiguard-result))
                       t)))
            (eglot--read-execute-code-action (list chosen) server-object "quickfix")))
        (save-buffer)
        (apiguard-note "saved")
        (let ((env-file (expand-file-name ".env" (apiguard-env "APIGUARD_ROOT"))))
          (apiguard-wait-for "the server to write .env" 10 (lambda () (file-exists-p env-file))))
        (apiguard-wait-for "the fixed diagnostic to go" 15
                           (lambda () (with-current-buffer buffer (= (length (flymake-diagnostics)) (1- expected-count)))))
        (setf (alist-get 'diagnostics_after_fix apiguard-result) (apiguard-shown-diagnostics))

        ;; The YAML spec: switching to yaml-mode lets the running server manage the buffer (same project, listed mode).
        (find-file (apiguard-env "APIGUARD_SPEC_FILE"))
        (yaml-mode)
        (let ((spec-buffer (current-buffer))
              (spec-count (string-to-number (apiguard-env "APIGUARD_SPEC_EXPECTED_COUNT"))))
          (apiguard-wait-for "Eglot to manage the spec" 20 (lambda () (with-current-buffer spec-buffer (eglot-current-server))))
          (apiguard-wait-for (format "%d spec diagnostics" spec-count) 30
                             (lambda ()
                               (with-current-buffer spec-buffer
                                 (unless (flymake-running-backends) (flymake-start))
                                 (>= (length (flymake-diagnostics)) spec-count))))
          (with-current-buffer spec-buffer
            (setf (alist-get 'spec_diagnostics apiguard-result) (apiguard-shown-diagnostics))))
        (apiguard-note "spec diagnosed")
        (set-buffer buffer)
        (eglot-shutdown (eglot-current-server))
        (apiguard-note "shut down")
        (apiguard-finish 0)))
  (error
   (setf (alist-get 'error apiguard-result) (error-message-string err))
   (apiguard-finish 1)))

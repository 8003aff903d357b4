{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/actions">{{t_actions_title}}</a></p>
<h1>{{t_actions_number}} {{NUMBER}}</h1>
<p{{#TEXT_FALLBACK}} lang="{{TEXT_LANG}}"{{/TEXT_FALLBACK}} dir="{{TEXT_DIR}}">{{TEXT_HTML:none}}</p>
{{#TEXT_FALLBACK}}<p class="note">{{TEXT_NOTE}}</p>{{/TEXT_FALLBACK}}
<dl class="facts">
<dt>{{t_actions_meeting}}</dt><dd><a href="{{P}}/meetings/{{MID}}">{{MLABEL_HTML:none}}</a></dd>
<dt>{{t_actions_owner}}</dt><dd{{#OWNER_FALLBACK}} lang="{{OWNER_LANG}}"{{/OWNER_FALLBACK}} dir="{{OWNER_DIR}}">{{OWNER_HTML:none}}</dd>
<dt>{{t_actions_kind}}</dt><dd>{{KIND_LABEL}}</dd>
{{#HAS_ITEM}}<dt>{{t_proc_record}}</dt><dd><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a></dd>{{/HAS_ITEM}}
<dt>{{t_actions_due}}</dt><dd{{#DUE_FALLBACK}} lang="{{DUE_LANG}}"{{/DUE_FALLBACK}} dir="{{DUE_DIR}}">{{DUE_HTML:none}}</dd>
<dt>{{t_actions_status}}</dt><dd class="status-{{STATUS}}">{{STATUS_LABEL}}</dd>
</dl>
<h2>{{t_actions_history}}</h2>
<ol class="history">{{#EVENTS}}<li><strong>{{STATUS_LABEL}}</strong> <span class="meta">{{WHEN_HTML:none}}</span>{{#MEETING}} · <a href="{{P}}/meetings/{{EMID}}">{{ELABEL_HTML:none}}</a>{{/MEETING}}{{#DOCUMENT}} · <a href="{{P}}/documents/{{DID}}"><bdi class="sym">{{SYMBOL}}</bdi></a>{{/DOCUMENT}}{{#NOTE}}<p{{#NOTE_FALLBACK}} lang="{{NOTE_LANG}}"{{/NOTE_FALLBACK}} dir="{{NOTE_DIR}}">{{NOTE_HTML:none}}</p>{{/NOTE}}</li>{{/EVENTS}}</ol>
{{#EVENT_FORM}}<details class="staff-form" open><summary>{{t_actions_add_event}}</summary>
<form method="post" action="{{P}}/actions/{{AID}}/events" class="stack">{{>FORM_ERRORS}}<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="ev-status">{{t_actions_status}}</label>{{#E_ev_status}}<p class="field-error" id="ev-status-error">{{E_MSG}}</p>{{/E_ev_status}}<select id="ev-status" name="status"{{#E_ev_status}} aria-invalid="true" aria-describedby="ev-status-error"{{/E_ev_status}}>{{#STATUSES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/STATUSES}}</select>
<label for="ev-meeting">{{t_actions_event_meeting}}</label>{{#E_ev_meeting}}<p class="field-error" id="ev-meeting-error">{{E_MSG}}</p>{{/E_ev_meeting}}<select id="ev-meeting" name="meeting"{{#E_ev_meeting}} aria-invalid="true" aria-describedby="ev-meeting-error"{{/E_ev_meeting}}><option value="">—</option>{{#MEETINGS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/MEETINGS}}</select>
<label for="ev-document">{{t_actions_event_document}}</label>{{#E_ev_document}}<p class="field-error" id="ev-document-error">{{E_MSG}}</p>{{/E_ev_document}}<input type="text" id="ev-document" name="document" value="{{V_DOCUMENT}}" maxlength="100" dir="ltr"{{#E_ev_document}} aria-invalid="true" aria-describedby="ev-document-error"{{/E_ev_document}}>
<label for="ev-note">{{t_actions_event_note}}</label>{{#E_ev_note}}<p class="field-error" id="ev-note-error">{{E_MSG}}</p>{{/E_ev_note}}<textarea id="ev-note" name="note" rows="3" dir="auto"{{#E_ev_note}} aria-invalid="true" aria-describedby="ev-note-error"{{/E_ev_note}}>{{V_NOTE:pre_escape}}</textarea>
<label for="ev-lang">{{t_proc_text_lang}}</label><select id="ev-lang" name="text_lang">{{#LANGS}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGS}}</select>
<button type="submit">{{t_proc_save}}</button></form></details>{{/EVENT_FORM}}

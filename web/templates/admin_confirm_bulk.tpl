{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/admin/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{HEADING}}</h1>
<p id="confirm-what">{{WHAT}}</p>
<ul class="references">{{#REFS}}<li><bdi>{{REF}}</bdi> — <span dir="auto">{{NAME}}</span></li>{{/REFS}}</ul>
{{#REASON}}<p>{{t_reject_reason}}{{t_punct_colon}}<span dir="auto">{{REASON_TEXT}}</span></p>{{/REASON}}
<form method="post" action="{{P}}/admin/consultations/{{ID}}/bulk" class="stack confirm">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="confirm" value="yes"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}
<input type="hidden" name="action" value="{{ACTION}}"><input type="hidden" name="reason" value="{{REASON_VALUE}}">
{{#REFS}}<input type="hidden" name="ids[]" value="{{RID}}">{{/REFS}}{{#KEEP_FILTER}}<input type="hidden" name="{{K}}" value="{{V}}">{{/KEEP_FILTER}}
<p class="actions"><button type="submit" aria-describedby="confirm-what">{{CONFIRM_LABEL}}</button> <a href="{{P}}/admin/consultations/{{ID}}{{BACK}}">{{t_confirm_cancel}}</a></p>
</form>

{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/admin/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_campaigns}}{{t_punct_colon}}<span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span></h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
{{>FORM_ERRORS}}
<p class="help">{{HELP}}</p>
{{#NONE}}<p>{{t_no_campaigns}}</p>{{/NONE}}
{{#CAMPAIGNS}}<article class="response moderation" id="c-{{CID}}">
<h2>{{SIZE_LABEL}}</h2>
<p class="text" dir="auto">{{REPRESENTATIVE}}</p>
<div class="actions">
<form method="post" action="{{P}}/admin/consultations/{{ID}}/campaigns/{{CID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="publish"><button type="submit">{{t_publish_campaign}}</button></form>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/campaigns/{{CID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="accept"><button type="submit">{{t_accept_campaign}}</button></form>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/campaigns/{{CID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="reject"><label for="reason-{{CID}}">{{t_reject_reason}}</label> <input type="text" id="reason-{{CID}}" name="reason" required> <button type="submit">{{t_reject_campaign}}</button></form>
</div>
</article>{{/CAMPAIGNS}}

{{%AUTOESCAPE context="HTML"}}
{{#STAFF}}<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/admin/translations">{{t_translations_title}}</a></p>{{/STAFF}}
<h1 dir="auto">{{HEADING}}</h1>
{{>FORM_ERRORS}}
<p class="help" id="texts-help">{{t_texts_edit_help}} <a href="{{P}}{{BACK}}">{{t_texts_edit_back}}</a></p>
<form method="post" action="{{P}}{{ACTION}}" class="stack" aria-describedby="texts-help">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">
{{/HAS_VERSION}}{{#FIELD}}<fieldset><legend>{{LEGEND}}</legend>
{{>LANGUAGES}}</fieldset>{{/FIELD}}
<button type="submit">{{t_texts_edit_save}}</button>
</form>
